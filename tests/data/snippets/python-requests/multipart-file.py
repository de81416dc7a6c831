import requests

url = "https://api.example.com/upload"
files = [
    ("title", (None, "Q3 report")),
    ("file", ("report.csv", open("/home/ada/files/report.csv", "rb"), "text/csv")),
    ("photo", ("renamed.png", open("/home/ada/files/photo.png", "rb"))),
]

response = requests.request(
    "POST",
    url,
    files=files,
)

print(response.status_code)
print(response.text)
