curl 'https://api.example.com/notes?tag=a%20b' \
  -H 'X-Note: it'\''s "$5" \ `x` ${HOME} {{kept}}' \
  -H 'X-Empty;' \
  -H 'Content-Type: text/plain; charset=utf-8' \
  --data-raw $'He said: "it\'s $HOME\\n" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\' \
  -L
