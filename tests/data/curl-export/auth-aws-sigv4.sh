curl https://s3.amazonaws.com/b --aws-sigv4 aws:amz:eu-west-1:s3 -u 'AKID:{{secret}}' -H 'X-Amz-Security-Token: tok' -L

curl https://s3.amazonaws.com/b \
  --aws-sigv4 aws:amz:eu-west-1:s3 \
  -u 'AKID:{{secret}}' \
  -H 'X-Amz-Security-Token: tok' \
  -L
