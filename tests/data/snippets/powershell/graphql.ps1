$request = @{
    Uri = 'https://api.example.com/graphql'
    Method = 'POST'
    ContentType = 'application/json'
    Body = '{"query":"query User($id: ID!) {\n  user(id: $id) { name }\n}","variables":{"id":"7"},"operationName":"User"}'
}
$response = Invoke-WebRequest @request
$response.StatusCode
$response.Content
