curl http://x/files/a.bin -T '/data/a b.bin' -L

curl http://x/files/a.bin \
  -T '/data/a b.bin' \
  -L
