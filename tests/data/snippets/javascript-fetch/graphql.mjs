const response = await fetch("https://api.example.com/graphql", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
  },
  body: "{\"query\":\"query User($id: ID!) {\\n  user(id: $id) { name }\\n}\",\"variables\":{\"id\":\"7\"},\"operationName\":\"User\"}",
});

console.log(response.status);
console.log(await response.text());
