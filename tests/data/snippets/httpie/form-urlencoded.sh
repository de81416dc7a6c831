http --form POST https://api.example.com/login \
  'name=Ada Lovelace' \
  'note=a&b=c+d' \
  'drink=café ☕'
