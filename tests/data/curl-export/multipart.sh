curl http://x/upload -F title=Holiday -F 'photo=@/home/me/Pictures/beach 1.jpg;type=image/jpeg;filename=beach.jpg' -F 'doc=@"/tmp/a;b,c.txt"' -F 'meta="{\"a\": \"x;y\"}";type=application/json' --form-string at=@not-a-file --form-string 'semi=a;type=b' --form-string 'spaces= padded ' -L

curl http://x/upload \
  -F title=Holiday \
  -F 'photo=@/home/me/Pictures/beach 1.jpg;type=image/jpeg;filename=beach.jpg' \
  -F 'doc=@"/tmp/a;b,c.txt"' \
  -F 'meta="{\"a\": \"x;y\"}";type=application/json' \
  --form-string at=@not-a-file \
  --form-string 'semi=a;type=b' \
  --form-string 'spaces= padded ' \
  -L
