curl https://x/ -u 'me:{{password}}' -L

curl https://x/ \
  -u 'me:{{password}}' \
  -L
