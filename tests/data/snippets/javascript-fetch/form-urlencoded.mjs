const response = await fetch("https://api.example.com/login", {
  method: "POST",
  headers: {
    "Content-Type": "application/x-www-form-urlencoded",
  },
  body: new URLSearchParams([
    ["name", "Ada Lovelace"],
    ["note", "a&b=c+d"],
    ["drink", "café ☕"],
  ]),
});

console.log(response.status);
console.log(await response.text());
