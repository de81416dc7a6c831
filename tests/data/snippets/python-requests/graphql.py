import requests

url = "https://api.example.com/graphql"
headers = {
    "Content-Type": "application/json",
}
payload = "{\"query\":\"query User($id: ID!) {\\n  user(id: $id) { name }\\n}\",\"variables\":{\"id\":\"7\"},\"operationName\":\"User\"}"

response = requests.request(
    "POST",
    url,
    headers=headers,
    data=payload.encode("utf-8"),
)

print(response.status_code)
print(response.text)
