curl https://api.example.com/photos/7 \
  -X PUT \
  -H 'Content-Type: image/png' \
  --data-binary @/home/ada/files/photo.png \
  -L
