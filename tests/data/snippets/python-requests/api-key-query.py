import requests

url = "https://api.example.com/search?q=owl&api_key=k-123%20456"

response = requests.request(
    "GET",
    url,
)

print(response.status_code)
print(response.text)
