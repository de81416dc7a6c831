import requests

url = "https://api.example.com/notes?tag=a%20b"
headers = {
    "X-Note": "it's \"$5\" \\ `x` ${HOME} {{kept}}",
    "X-Empty": "",
    "Content-Type": "text/plain; charset=utf-8",
}
payload = "He said: \"it's $HOME\\n\" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\"

response = requests.request(
    "POST",
    url,
    headers=headers,
    data=payload.encode("utf-8"),
)

print(response.status_code)
print(response.text)
