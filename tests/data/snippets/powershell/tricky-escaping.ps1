$request = @{
    Uri = 'https://api.example.com/notes?tag=a%20b'
    Method = 'POST'
    Headers = @{
        'X-Note' = 'it''s "$5" \ `x` ${HOME} {{kept}}'
        'X-Empty' = ''
    }
    ContentType = 'text/plain; charset=utf-8'
    Body = [Text.Encoding]::UTF8.GetBytes("He said: `"it's `$HOME\n`" — ‘quoted’ `“twice`”`n`tcafé ☕ ``cmd`` `${x} %s {{var}} <?php ?>`r`nend\")
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
