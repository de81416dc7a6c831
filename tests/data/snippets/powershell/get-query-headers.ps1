$request = @{
    Uri = 'https://api.example.com/users?page=2&sort=name'
    Method = 'GET'
    Headers = @{
        'Accept' = 'application/json'
        'X-Request-Id' = '42'
    }
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
