curl http://x/ -X PATCH -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' --data-raw a=1 -L

curl http://x/ \
  -X PATCH \
  -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \
  --data-raw a=1 \
  -L
