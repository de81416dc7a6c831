// Digest auth answers the server's challenge, which fetch cannot do by itself: no credentials are sent.
const response = await fetch("https://api.example.com/items/3", {
  method: "DELETE",
});

console.log(response.status);
console.log(await response.text());
