curl https://x/ --max-redirs 3 -m 1.5 -k --http1.1 -x http://proxy:3128 -U 'me:{{proxyPassword}}'

curl https://x/ \
  --max-redirs 3 \
  -m 1.5 \
  -k \
  --http1.1 \
  -x http://proxy:3128 \
  -U 'me:{{proxyPassword}}'
