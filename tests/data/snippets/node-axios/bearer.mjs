import axios from "axios";

const response = await axios.request({
  method: "GET",
  url: "https://api.example.com/me",
  headers: {
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.token",
  },
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
