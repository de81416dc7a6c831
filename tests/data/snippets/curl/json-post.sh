curl https://api.example.com/users \
  -H 'Content-Type: application/json' \
  --data-raw '{"name": "Ada", "tags": ["math", "code"]}' \
  -L
