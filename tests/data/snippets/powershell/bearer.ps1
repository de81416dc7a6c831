$request = @{
    Uri = 'https://api.example.com/me'
    Method = 'GET'
    Headers = @{
        'Authorization' = 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.token'
    }
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
