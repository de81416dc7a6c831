$request = @{
    Uri = 'https://api.example.com/photos/7'
    Method = 'PUT'
    ContentType = 'image/png'
    InFile = '/home/ada/files/photo.png'
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
