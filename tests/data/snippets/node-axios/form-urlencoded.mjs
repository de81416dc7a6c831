import axios from "axios";

const response = await axios.request({
  method: "POST",
  url: "https://api.example.com/login",
  headers: {
    "Content-Type": "application/x-www-form-urlencoded",
  },
  data: new URLSearchParams([
    ["name", "Ada Lovelace"],
    ["note", "a&b=c+d"],
    ["drink", "café ☕"],
  ]),
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
