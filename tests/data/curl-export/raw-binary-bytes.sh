curl http://x/ -H 'Content-Type: application/octet-stream' --data-raw $'\x89PNG\r\n\x1a\n\xff' -L

curl http://x/ \
  -H 'Content-Type: application/octet-stream' \
  --data-raw $'\x89PNG\r\n\x1a\n\xff' \
  -L
