curl https://api.example.com/items/3 \
  -X DELETE \
  --digest \
  -u 'ada:pa$$' \
  -L
