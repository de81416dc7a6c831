curl https://x/ --digest -u 'me:p:w d' -L

curl https://x/ \
  --digest \
  -u 'me:p:w d' \
  -L
