wget --quiet --output-document=- \
  --auth-no-challenge \
  --user=ada \
  --password='s3cret!' \
  https://api.example.com/me
