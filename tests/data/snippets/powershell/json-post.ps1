$request = @{
    Uri = 'https://api.example.com/users'
    Method = 'POST'
    ContentType = 'application/json'
    Body = '{"name": "Ada", "tags": ["math", "code"]}'
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
