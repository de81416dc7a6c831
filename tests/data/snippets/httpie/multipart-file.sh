# HTTPie announces the file of “photo” under its own name, not “renamed.png”.
http --multipart POST https://api.example.com/upload \
  'title=Q3 report' \
  'file@/home/ada/files/report.csv;type=text/csv' \
  photo@/home/ada/files/photo.png
