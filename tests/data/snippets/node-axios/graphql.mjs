import axios from "axios";

const response = await axios.request({
  method: "POST",
  url: "https://api.example.com/graphql",
  headers: {
    "Content-Type": "application/json",
  },
  data: "{\"query\":\"query User($id: ID!) {\\n  user(id: $id) { name }\\n}\",\"variables\":{\"id\":\"7\"},\"operationName\":\"User\"}",
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
