import axios from "axios";
import { openAsBlob } from "node:fs";

const form = new FormData();
form.append("title", "Q3 report");
form.append("file", await openAsBlob("/home/ada/files/report.csv", { type: "text/csv" }), "report.csv");
form.append("photo", await openAsBlob("/home/ada/files/photo.png"), "renamed.png");

const response = await axios.request({
  method: "POST",
  url: "https://api.example.com/upload",
  data: form,
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
