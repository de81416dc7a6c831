<?php

$curl = curl_init();
curl_setopt_array($curl, [
    CURLOPT_URL => 'https://api.example.com/users?page=2&sort=name',
    CURLOPT_CUSTOMREQUEST => 'GET',
    CURLOPT_HTTPHEADER => [
        'Accept: application/json',
        'X-Request-Id: 42',
    ],
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
