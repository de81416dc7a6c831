import requests

url = "https://api.example.com/users"
headers = {
    "Content-Type": "application/json",
}
payload = "{\"name\": \"Ada\", \"tags\": [\"math\", \"code\"]}"

response = requests.request(
    "POST",
    url,
    headers=headers,
    data=payload.encode("utf-8"),
)

print(response.status_code)
print(response.text)
