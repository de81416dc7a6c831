http --raw '{"query":"query User($id: ID!) {\n  user(id: $id) { name }\n}","variables":{"id":"7"},"operationName":"User"}' POST https://api.example.com/graphql \
  Content-Type:application/json
