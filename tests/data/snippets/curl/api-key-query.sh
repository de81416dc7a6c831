curl 'https://api.example.com/search?q=owl&api_key=k-123%20456' \
  -L
