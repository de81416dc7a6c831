http -A digest -a 'ada:pa$$' DELETE https://api.example.com/items/3
