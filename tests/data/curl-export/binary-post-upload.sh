curl http://x/ -X POST -T /data/a.bin -L

curl http://x/ \
  -X POST \
  -T /data/a.bin \
  -L
