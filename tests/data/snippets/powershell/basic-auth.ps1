$request = @{
    Uri = 'https://api.example.com/me'
    Method = 'GET'
    Headers = @{
        'Authorization' = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('ada:s3cret!'))
    }
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
