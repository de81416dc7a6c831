http --raw '{"name": "Ada", "tags": ["math", "code"]}' POST https://api.example.com/users \
  Content-Type:application/json
