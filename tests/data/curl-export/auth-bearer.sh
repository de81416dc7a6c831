curl https://x/ --oauth2-bearer '{{token}}' -L

curl https://x/ \
  --oauth2-bearer '{{token}}' \
  -L
