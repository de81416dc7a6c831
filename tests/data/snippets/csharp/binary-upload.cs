using System.Net.Http.Headers;

using var client = new HttpClient();
using var request = new HttpRequestMessage(new HttpMethod("PUT"), "https://api.example.com/photos/7");
request.Content = new StreamContent(File.OpenRead("/home/ada/files/photo.png"));
request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");

using var response = await client.SendAsync(request);
Console.WriteLine((int)response.StatusCode);
Console.WriteLine(await response.Content.ReadAsStringAsync());
