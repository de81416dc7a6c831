curl http://x/search -X GET -H 'Content-Type: application/json' --data-raw '{}' -L

curl http://x/search \
  -X GET \
  -H 'Content-Type: application/json' \
  --data-raw '{}' \
  -L
