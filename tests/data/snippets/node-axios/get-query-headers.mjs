import axios from "axios";

const response = await axios.request({
  method: "GET",
  url: "https://api.example.com/users?page=2&sort=name",
  headers: {
    "Accept": "application/json",
    "X-Request-Id": "42",
  },
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
