curl 'https://api.example.com/users?page=2&q=a%20b' -H 'Accept: application/json' -L

curl 'https://api.example.com/users?page=2&q=a%20b' \
  -H 'Accept: application/json' \
  -L
