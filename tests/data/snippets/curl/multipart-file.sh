curl https://api.example.com/upload \
  -F 'title=Q3 report' \
  -F 'file=@/home/ada/files/report.csv;type=text/csv' \
  -F 'photo=@/home/ada/files/photo.png;filename=renamed.png' \
  -L
