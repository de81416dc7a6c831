curl http://x/ -H 'X-Empty;' -H 'X-Quote: it'\''s "quoted" $HOME `x`' -H $'X-Tab: a\tb' -L

curl http://x/ \
  -H 'X-Empty;' \
  -H 'X-Quote: it'\''s "quoted" $HOME `x`' \
  -H $'X-Tab: a\tb' \
  -L
