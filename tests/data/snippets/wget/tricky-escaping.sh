wget --quiet --output-document=- \
  --method=POST \
  --header='X-Note: it'\''s "$5" \ `x` ${HOME} {{kept}}' \
  --header='X-Empty: ' \
  --header='Content-Type: text/plain; charset=utf-8' \
  --body-data=$'He said: "it\'s $HOME\\n" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\' \
  'https://api.example.com/notes?tag=a%20b'
