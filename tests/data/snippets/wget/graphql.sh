wget --quiet --output-document=- \
  --method=POST \
  --header='Content-Type: application/json' \
  --body-data='{"query":"query User($id: ID!) {\n  user(id: $id) { name }\n}","variables":{"id":"7"},"operationName":"User"}' \
  https://api.example.com/graphql
