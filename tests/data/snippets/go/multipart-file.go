package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
)

func main() {
	body := &bytes.Buffer{}
	writer := multipart.NewWriter(body)
	if err := writer.WriteField("title", "Q3 report"); err != nil {
		panic(err)
	}
	{
		header := make(textproto.MIMEHeader)
		header.Set("Content-Disposition", "form-data; name=\"file\"; filename=\"report.csv\"")
		header.Set("Content-Type", "text/csv")
		part, err := writer.CreatePart(header)
		if err != nil {
			panic(err)
		}
		file, err := os.Open("/home/ada/files/report.csv")
		if err != nil {
			panic(err)
		}
		defer file.Close()
		if _, err := io.Copy(part, file); err != nil {
			panic(err)
		}
	}
	{
		part, err := writer.CreateFormFile("photo", "renamed.png")
		if err != nil {
			panic(err)
		}
		file, err := os.Open("/home/ada/files/photo.png")
		if err != nil {
			panic(err)
		}
		defer file.Close()
		if _, err := io.Copy(part, file); err != nil {
			panic(err)
		}
	}
	if err := writer.Close(); err != nil {
		panic(err)
	}

	req, err := http.NewRequest("POST", "https://api.example.com/upload", body)
	if err != nil {
		panic(err)
	}
	req.Header.Set("Content-Type", writer.FormDataContentType())

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
