<?php

$curl = curl_init();
curl_setopt_array($curl, [
    CURLOPT_URL => 'https://api.example.com/users',
    CURLOPT_CUSTOMREQUEST => 'POST',
    CURLOPT_HTTPHEADER => [
        'Content-Type: application/json',
    ],
    CURLOPT_POSTFIELDS => '{"name": "Ada", "tags": ["math", "code"]}',
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
