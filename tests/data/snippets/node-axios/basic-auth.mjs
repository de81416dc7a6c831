import axios from "axios";

const response = await axios.request({
  method: "GET",
  url: "https://api.example.com/me",
  auth: { username: "ada", password: "s3cret!" },
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
