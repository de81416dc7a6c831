<?php

$curl = curl_init();
curl_setopt_array($curl, [
    CURLOPT_URL => 'https://api.example.com/login',
    CURLOPT_CUSTOMREQUEST => 'POST',
    CURLOPT_HTTPHEADER => [
        'Content-Type: application/x-www-form-urlencoded',
    ],
    CURLOPT_POSTFIELDS => 'name=Ada+Lovelace&note=a%26b%3Dc%2Bd&drink=caf%C3%A9+%E2%98%95',
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
