curl http://x/cache -X PURGE -L

curl http://x/cache \
  -X PURGE \
  -L
