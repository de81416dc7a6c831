package main

import (
	"fmt"
	"io"
	"net/http"
)

func main() {
	// Digest auth answers the server's challenge, which net/http cannot do by itself: no credentials are sent.
	req, err := http.NewRequest("DELETE", "https://api.example.com/items/3", nil)
	if err != nil {
		panic(err)
	}

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
