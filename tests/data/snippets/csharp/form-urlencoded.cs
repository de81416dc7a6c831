using var client = new HttpClient();
using var request = new HttpRequestMessage(new HttpMethod("POST"), "https://api.example.com/login");
request.Content = new FormUrlEncodedContent(new[]
{
    new KeyValuePair<string, string>("name", "Ada Lovelace"),
    new KeyValuePair<string, string>("note", "a&b=c+d"),
    new KeyValuePair<string, string>("drink", "café ☕"),
});

using var response = await client.SendAsync(request);
Console.WriteLine((int)response.StatusCode);
Console.WriteLine(await response.Content.ReadAsStringAsync());
