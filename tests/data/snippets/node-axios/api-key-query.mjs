import axios from "axios";

const response = await axios.request({
  method: "GET",
  url: "https://api.example.com/search?q=owl&api_key=k-123%20456",
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
