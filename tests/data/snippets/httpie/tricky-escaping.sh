http --raw $'He said: "it\'s $HOME\\n" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\' POST 'https://api.example.com/notes?tag=a%20b' \
  'X-Note:it'\''s "$5" \ `x` ${HOME} {{kept}}' \
  'X-Empty;' \
  'Content-Type:text/plain; charset=utf-8'
