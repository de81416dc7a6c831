import requests

url = "https://api.example.com/me"

response = requests.request(
    "GET",
    url,
    auth=("ada", "s3cret!"),
)

print(response.status_code)
print(response.text)
