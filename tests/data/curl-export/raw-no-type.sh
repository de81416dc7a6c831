curl http://x/ -H Content-Type: --data-raw plain -L

curl http://x/ \
  -H Content-Type: \
  --data-raw plain \
  -L
