<?php

$curl = curl_init();
curl_setopt_array($curl, [
    CURLOPT_URL => 'https://api.example.com/search?q=owl&api_key=k-123%20456',
    CURLOPT_CUSTOMREQUEST => 'GET',
    CURLOPT_RETURNTRANSFER => true,
]);
$response = curl_exec($curl);
if ($response === false) {
    echo 'Error: ' . curl_error($curl) . "\n";
} else {
    echo curl_getinfo($curl, CURLINFO_RESPONSE_CODE) . "\n";
    echo $response . "\n";
}
curl_close($curl);
