curl http://x/ -H 'Content-Type: image/png' --data-binary @/data/photo.png -L

curl http://x/ \
  -H 'Content-Type: image/png' \
  --data-binary @/data/photo.png \
  -L
