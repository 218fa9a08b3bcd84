package dk.os2.governance.deviation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/** The application's pages as a browser without JavaScript reads them, logged in with HTTP Basic. */
record Pages(String baseUrl, String user) {

  record Page(int status, String contentType, byte[] bytes) {
    /** The page's text with HTML's character references read ('&#39;' as an apostrophe). */
    String body() {
      return HtmlUtils.htmlUnescape(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  Page get(String path) {
    return send(request(path).GET());
  }

  Page post(String path, Map<String, String> fields) {
    String form = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpRequest.Builder request(String path) {
    String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html,*/*")
        .header("Authorization", "Basic " + token);
  }

  private Page send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
