import requests

url = "https://api.example.com/me"
headers = {
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.token",
}

response = requests.request(
    "GET",
    url,
    headers=headers,
)

print(response.status_code)
print(response.text)
