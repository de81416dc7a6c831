import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class Main {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("https://api.example.com/notes?tag=a%20b"))
                .header("X-Note", "it's \"$5\" \\ `x` ${HOME} {{kept}}")
                .header("X-Empty", "")
                .header("Content-Type", "text/plain; charset=utf-8")
                .method("POST", HttpRequest.BodyPublishers.ofString("He said: \"it's $HOME\\n\" \u2014 \u2018quoted\u2019 \u201ctwice\u201d\n\tcaf\u00e9 \u2615 `cmd` ${x} %s {{var}} <?php ?>\r\nend\\"))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode());
        System.out.println(response.body());
    }
}
