import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

public class Main {
    public static void main(String[] args) throws Exception {
        String boundary = "----JavaFormBoundary" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write("Q3 report".getBytes(StandardCharsets.UTF_8));
        form.write("\r\n".getBytes(StandardCharsets.UTF_8));
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(Files.readAllBytes(Path.of("/home/ada/files/report.csv")));
        form.write("\r\n".getBytes(StandardCharsets.UTF_8));
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"renamed.png\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(Files.readAllBytes(Path.of("/home/ada/files/photo.png")));
        form.write("\r\n".getBytes(StandardCharsets.UTF_8));
        form.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("https://api.example.com/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method("POST", HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode());
        System.out.println(response.body());
    }
}
