import axios from "axios";

const response = await axios.request({
  method: "POST",
  url: "https://api.example.com/notes?tag=a%20b",
  headers: {
    "X-Note": "it's \"$5\" \\ `x` ${HOME} {{kept}}",
    "X-Empty": "",
    "Content-Type": "text/plain; charset=utf-8",
  },
  data: "He said: \"it's $HOME\\n\" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\",
  responseType: "text",
});

console.log(response.status);
console.log(response.data);
