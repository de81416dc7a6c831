using System.Net;

var handler = new HttpClientHandler { Credentials = new NetworkCredential("ada", "pa$$") };
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(new HttpMethod("DELETE"), "https://api.example.com/items/3");

using var response = await client.SendAsync(request);
Console.WriteLine((int)response.StatusCode);
Console.WriteLine(await response.Content.ReadAsStringAsync());
