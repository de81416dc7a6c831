$request = @{
    Uri = 'https://api.example.com/login'
    Method = 'POST'
    ContentType = 'application/x-www-form-urlencoded'
    Body = [ordered]@{
        'name' = 'Ada Lovelace'
        'note' = 'a&b=c+d'
        'drink' = 'café ☕'
    }
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
