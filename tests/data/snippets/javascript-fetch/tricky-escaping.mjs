const response = await fetch("https://api.example.com/notes?tag=a%20b", {
  method: "POST",
  headers: {
    "X-Note": "it's \"$5\" \\ `x` ${HOME} {{kept}}",
    "X-Empty": "",
    "Content-Type": "text/plain; charset=utf-8",
  },
  body: "He said: \"it's $HOME\\n\" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\",
});

console.log(response.status);
console.log(await response.text());
