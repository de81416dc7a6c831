wget --quiet --output-document=- \
  --method=DELETE \
  --user=ada \
  --password='pa$$' \
  https://api.example.com/items/3
