using System.Net.Http.Headers;

using var client = new HttpClient();
using var request = new HttpRequestMessage(new HttpMethod("POST"), "https://api.example.com/upload");
var form = new MultipartFormDataContent();
form.Add(new StringContent("Q3 report"), "title");
var file = new StreamContent(File.OpenRead("/home/ada/files/report.csv"));
file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
form.Add(file, "file", "report.csv");
var file2 = new StreamContent(File.OpenRead("/home/ada/files/photo.png"));
form.Add(file2, "photo", "renamed.png");
request.Content = form;

using var response = await client.SendAsync(request);
Console.WriteLine((int)response.StatusCode);
Console.WriteLine(await response.Content.ReadAsStringAsync());
