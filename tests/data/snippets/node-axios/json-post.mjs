import axios from "axios";

const response = await axios.request({
  method: "POST",
  url: "https://api.example.com/users",
  headers: {
    "Content-Type": "application/json",
  },
  data: "{\"name\": \"Ada\", \"tags\": [\"math\", \"code\"]}",
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
