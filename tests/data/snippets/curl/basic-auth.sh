curl https://api.example.com/me \
  -u 'ada:s3cret!' \
  -L
