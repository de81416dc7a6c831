// Digest auth answers the server's challenge, which axios cannot do by itself: no credentials are sent.
import axios from "axios";

const response = await axios.request({
  method: "DELETE",
  url: "https://api.example.com/items/3",
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
