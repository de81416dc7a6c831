curl https://x/graphql -H 'Content-Type: application/json' --data-raw '{"query":"query Q($id: ID!) { user(id: $id) { name } }","variables":{"id":"42"},"operationName":"Q"}' -L

curl https://x/graphql \
  -H 'Content-Type: application/json' \
  --data-raw '{"query":"query Q($id: ID!) { user(id: $id) { name } }","variables":{"id":"42"},"operationName":"Q"}' \
  -L
