curl 'https://api.example.com/users?page=2&sort=name' \
  -H 'Accept: application/json' \
  -H 'X-Request-Id: 42' \
  -L
