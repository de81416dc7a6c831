$request = @{
    Uri = 'https://api.example.com/search?q=owl&api_key=k-123%20456'
    Method = 'GET'
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
