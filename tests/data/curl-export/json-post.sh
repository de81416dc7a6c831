curl https://x/items -H 'Content-Type: application/json' --data-raw '{"name": "Zoë'\''s", "tags": ["a", "b"]}' -L

curl https://x/items \
  -H 'Content-Type: application/json' \
  --data-raw '{"name": "Zoë'\''s", "tags": ["a", "b"]}' \
  -L
