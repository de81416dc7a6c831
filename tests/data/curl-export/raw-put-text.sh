curl http://x/doc -X PUT -H 'Content-Type: text/plain; charset=utf-8' --data-raw $'line 1\nline 2 \'quoted\'\n' -L

curl http://x/doc \
  -X PUT \
  -H 'Content-Type: text/plain; charset=utf-8' \
  --data-raw $'line 1\nline 2 \'quoted\'\n' \
  -L
