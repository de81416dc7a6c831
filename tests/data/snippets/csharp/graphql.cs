using System.Net.Http.Headers;

using var client = new HttpClient();
using var request = new HttpRequestMessage(new HttpMethod("POST"), "https://api.example.com/graphql");
request.Content = new StringContent("{\"query\":\"query User($id: ID!) {\\n  user(id: $id) { name }\\n}\",\"variables\":{\"id\":\"7\"},\"operationName\":\"User\"}");
request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

using var response = await client.SendAsync(request);
Console.WriteLine((int)response.StatusCode);
Console.WriteLine(await response.Content.ReadAsStringAsync());
