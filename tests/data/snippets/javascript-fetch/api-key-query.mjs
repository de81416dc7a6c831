const response = await fetch("https://api.example.com/search?q=owl&api_key=k-123%20456", {
  method: "GET",
});

console.log(response.status);
console.log(await response.text());
