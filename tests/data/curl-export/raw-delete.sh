curl http://x/a -X DELETE -H 'Content-Type: application/json' --data-raw '[1]' -L

curl http://x/a \
  -X DELETE \
  -H 'Content-Type: application/json' \
  --data-raw '[1]' \
  -L
