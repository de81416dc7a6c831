<?php

$curl = curl_init();
curl_setopt_array($curl, [
    CURLOPT_URL => 'https://api.example.com/notes?tag=a%20b',
    CURLOPT_CUSTOMREQUEST => 'POST',
    CURLOPT_HTTPHEADER => [
        'X-Note: it\'s "$5" \\ `x` ${HOME} {{kept}}',
        'X-Empty;',
        'Content-Type: text/plain; charset=utf-8',
    ],
    CURLOPT_POSTFIELDS => "He said: \"it's \$HOME\\n\" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` \${x} %s {{var}} <?php ?>\r\nend\\",
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
