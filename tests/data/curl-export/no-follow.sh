curl https://x/

curl https://x/
