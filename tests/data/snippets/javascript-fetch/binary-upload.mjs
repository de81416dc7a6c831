// Files are read with Node.js (20 or later); in a browser, use a File from an <input type="file">.
import { openAsBlob } from "node:fs";

const response = await fetch("https://api.example.com/photos/7", {
  method: "PUT",
  headers: {
    "Content-Type": "image/png",
  },
  body: await openAsBlob("/home/ada/files/photo.png"),
});

console.log(response.status);
console.log(await response.text());
