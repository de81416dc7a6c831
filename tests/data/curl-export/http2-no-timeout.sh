curl https://x/ -L -m 0 --http2-prior-knowledge

curl https://x/ \
  -L \
  -m 0 \
  --http2-prior-knowledge
