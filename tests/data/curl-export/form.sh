curl http://x/login --data-raw 'user=zo%C3%AB+%26+co&pass=a%3Db%2Bc&empty=' -L

curl http://x/login \
  --data-raw 'user=zo%C3%AB+%26+co&pass=a%3Db%2Bc&empty=' \
  -L
