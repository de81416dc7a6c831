import requests

url = "https://api.example.com/photos/7"
headers = {
    "Content-Type": "image/png",
}

with open("/home/ada/files/photo.png", "rb") as body:
    response = requests.request(
        "PUT",
        url,
        headers=headers,
        data=body,
    )

print(response.status_code)
print(response.text)
