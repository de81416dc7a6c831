curl '{{base}}/users/{{id}}' -H 'Authorization: Bearer {{token}}' -L

curl '{{base}}/users/{{id}}' \
  -H 'Authorization: Bearer {{token}}' \
  -L
