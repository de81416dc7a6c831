http -a 'ada:s3cret!' GET https://api.example.com/me
