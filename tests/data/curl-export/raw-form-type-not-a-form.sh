curl http://x/ --data-raw 'a=hello world' -L

curl http://x/ \
  --data-raw 'a=hello world' \
  -L
