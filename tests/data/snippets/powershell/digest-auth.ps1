$request = @{
    Uri = 'https://api.example.com/items/3'
    Method = 'DELETE'
    Credential = [pscredential]::new('ada', (ConvertTo-SecureString 'pa$$' -AsPlainText -Force))
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
