curl https://x/ --ntlm -u 'CORP\me:pw' -L

curl https://x/ \
  --ntlm \
  -u 'CORP\me:pw' \
  -L
