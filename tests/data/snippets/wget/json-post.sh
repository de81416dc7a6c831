wget --quiet --output-document=- \
  --method=POST \
  --header='Content-Type: application/json' \
  --body-data='{"name": "Ada", "tags": ["math", "code"]}' \
  https://api.example.com/users
