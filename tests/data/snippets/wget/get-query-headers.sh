wget --quiet --output-document=- \
  --header='Accept: application/json' \
  --header='X-Request-Id: 42' \
  'https://api.example.com/users?page=2&sort=name'
