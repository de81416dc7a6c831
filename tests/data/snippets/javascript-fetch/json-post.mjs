const response = await fetch("https://api.example.com/users", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
  },
  body: "{\"name\": \"Ada\", \"tags\": [\"math\", \"code\"]}",
});

console.log(response.status);
console.log(await response.text());
