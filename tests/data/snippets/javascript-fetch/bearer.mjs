const response = await fetch("https://api.example.com/me", {
  method: "GET",
  headers: {
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.token",
  },
});

console.log(response.status);
console.log(await response.text());
