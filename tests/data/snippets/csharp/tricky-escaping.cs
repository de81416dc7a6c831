using System.Net.Http.Headers;

using var client = new HttpClient();
using var request = new HttpRequestMessage(new HttpMethod("POST"), "https://api.example.com/notes?tag=a%20b");
request.Headers.TryAddWithoutValidation("X-Note", "it's \"$5\" \\ `x` ${HOME} {{kept}}");
request.Headers.TryAddWithoutValidation("X-Empty", "");
request.Content = new StringContent("He said: \"it's $HOME\\n\" — ‘quoted’ “twice”\n\tcafé ☕ `cmd` ${x} %s {{var}} <?php ?>\r\nend\\");
request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=utf-8");

using var response = await client.SendAsync(request);
Console.WriteLine((int)response.StatusCode);
Console.WriteLine(await response.Content.ReadAsStringAsync());
