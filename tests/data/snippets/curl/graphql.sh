curl https://api.example.com/graphql \
  -H 'Content-Type: application/json' \
  --data-raw '{"query":"query User($id: ID!) {\n  user(id: $id) { name }\n}","variables":{"id":"7"},"operationName":"User"}' \
  -L
