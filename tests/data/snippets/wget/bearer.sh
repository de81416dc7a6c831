wget --quiet --output-document=- \
  --header='Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.token' \
  https://api.example.com/me
