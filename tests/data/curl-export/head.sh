curl http://x/ --head -L

curl http://x/ \
  --head \
  -L
