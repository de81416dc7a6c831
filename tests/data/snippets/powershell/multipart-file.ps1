# -Form sends the file of “file” under its own name and as application/octet-stream.
# -Form sends the file of “photo” under its own name and as application/octet-stream.
# PowerShell 7 or later
$request = @{
    Uri = 'https://api.example.com/upload'
    Method = 'POST'
    Form = [ordered]@{
        'title' = 'Q3 report'
        'file' = Get-Item -LiteralPath '/home/ada/files/report.csv'
        'photo' = Get-Item -LiteralPath '/home/ada/files/photo.png'
    }
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
