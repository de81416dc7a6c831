package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

func main() {
	body := strings.NewReader("He said: \"it's $HOME\\n\" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\")

	req, err := http.NewRequest("POST", "https://api.example.com/notes?tag=a%20b", body)
	if err != nil {
		panic(err)
	}
	req.Header.Set("X-Note", "it's \"$5\" \\ `x` ${HOME} {{kept}}")
	req.Header.Set("X-Empty", "")
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")

	res, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer res.Body.Close()

	data, err := io.ReadAll(res.Body)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.StatusCode)
	fmt.Println(string(data))
}
