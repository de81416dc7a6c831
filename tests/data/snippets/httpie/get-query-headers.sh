http GET 'https://api.example.com/users?page=2&sort=name' \
  Accept:application/json \
  X-Request-Id:42
