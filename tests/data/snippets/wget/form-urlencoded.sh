wget --quiet --output-document=- \
  --method=POST \
  --header='Content-Type: application/x-www-form-urlencoded' \
  --body-data='name=Ada+Lovelace&note=a%26b%3Dc%2Bd&drink=caf%C3%A9+%E2%98%95' \
  https://api.example.com/login
