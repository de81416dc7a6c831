curl https://api.example.com/me \
  --oauth2-bearer eyJhbGciOiJIUzI1NiJ9.e30.token \
  -L
