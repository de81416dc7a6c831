curl https://x/ -L --noproxy '*'

curl https://x/ \
  -L \
  --noproxy '*'
