import requests

url = "https://api.example.com/login"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}
payload = [
    ("name", "Ada Lovelace"),
    ("note", "a&b=c+d"),
    ("drink", "café ☕"),
]

response = requests.request(
    "POST",
    url,
    headers=headers,
    data=payload,
)

print(response.status_code)
print(response.text)
