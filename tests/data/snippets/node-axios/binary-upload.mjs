import axios from "axios";
import { createReadStream } from "node:fs";

const response = await axios.request({
  method: "PUT",
  url: "https://api.example.com/photos/7",
  headers: {
    "Content-Type": "image/png",
  },
  data: createReadStream("/home/ada/files/photo.png"),
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
