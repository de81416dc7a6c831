# Wget cannot send a multipart/form-data body: the parts are not sent (curl can send them).
wget --quiet --output-document=- \
  --method=POST \
  https://api.example.com/upload
