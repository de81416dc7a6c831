// Files are read with Node.js (20 or later); in a browser, use a File from an <input type="file">.
import { openAsBlob } from "node:fs";

const form = new FormData();
form.append("title", "Q3 report");
form.append("file", await openAsBlob("/home/ada/files/report.csv", { type: "text/csv" }), "report.csv");
form.append("photo", await openAsBlob("/home/ada/files/photo.png"), "renamed.png");

const response = await fetch("https://api.example.com/upload", {
  method: "POST",
  body: form,
});

console.log(response.status);
console.log(await response.text());
