http GET https://api.example.com/me \
  'Authorization:Bearer eyJhbGciOiJIUzI1NiJ9.e30.token'
