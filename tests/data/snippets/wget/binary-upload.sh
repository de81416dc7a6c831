wget --quiet --output-document=- \
  --method=PUT \
  --header='Content-Type: image/png' \
  --body-file=/home/ada/files/photo.png \
  https://api.example.com/photos/7
