const response = await fetch("https://api.example.com/me", {
  method: "GET",
  headers: {
    "Authorization": "Basic " + btoa("ada:s3cret!"),
  },
});

console.log(response.status);
console.log(await response.text());
