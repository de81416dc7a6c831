import requests
from requests.auth import HTTPDigestAuth

url = "https://api.example.com/items/3"

response = requests.request(
    "DELETE",
    url,
    auth=HTTPDigestAuth("ada", "pa$$"),
)

print(response.status_code)
print(response.text)
