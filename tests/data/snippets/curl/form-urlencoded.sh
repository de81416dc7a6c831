curl https://api.example.com/login \
  --data-raw 'name=Ada+Lovelace&note=a%26b%3Dc%2Bd&drink=caf%C3%A9+%E2%98%95' \
  -L
