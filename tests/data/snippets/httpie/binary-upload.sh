http PUT https://api.example.com/photos/7 \
  Content-Type:image/png \
  < /home/ada/files/photo.png
