package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Raw HTTP for the security tests: any method, any body, as an API client with HTTP Basic or as
 * a browser with the webapps' session cookie (and, when asked, their CSRF token).
 */
final class Http {

  private final String baseUrl;
  private final HttpClient client;
  private final CookieManager cookies;
  private final String basic;

  private Http(String baseUrl, HttpClient client, CookieManager cookies, String basic) {
    this.baseUrl = baseUrl;
    this.client = client;
    this.cookies = cookies;
    this.basic = basic;
  }

  static Http basic(String baseUrl, String user) {
    return new Http(baseUrl, HttpClient.newHttpClient(), null,
        "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  /** Logs into the Camunda webapps as a browser does: first visit, then the login with the token. */
  static Http session(String baseUrl, String user) throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    Http http = new Http(baseUrl, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, null);
    http.send(http.request("GET", "/camunda/app/tasklist/default/", null, null), false);
    HttpResponse<String> login = http.send(http.request("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", ("username=" + user + "&password=demo").getBytes(StandardCharsets.UTF_8))
        .header("X-XSRF-TOKEN", http.xsrfCookie().orElseThrow()), false);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // The webapps' next page load hands out the session's token if the login renewed the session.
    http.send(http.request("GET", "/camunda/app/tasklist/default/", null, null), false);
    return http;
  }

  /** A browser that visited the webapps without logging in: a session and its CSRF token. */
  static Http anonymousSession(String baseUrl) throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    Http http = new Http(baseUrl, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, null);
    http.send(http.request("GET", "/camunda/app/admin/default/", null, null), false);
    return http;
  }

  /** The webapps' CSRF cookie, as their scripts read it. */
  Optional<String> xsrfCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((a, b) -> b).map(c -> c.getValue());
  }

  HttpRequest.Builder request(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    if (basic != null) {
      builder.header("Authorization", basic);
    }
    return builder;
  }

  /** A body sent without Content-Length (chunked). */
  HttpRequest.Builder chunked(String method, String path, String contentType, byte[] body) {
    return request(method, path, contentType, null)
        .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return send(request, false);
  }

  HttpResponse<String> send(HttpRequest.Builder request, boolean withToken) throws IOException, InterruptedException {
    if (withToken) {
      request.header("X-XSRF-TOKEN", xsrfCookie().orElseThrow());
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static byte[] form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
  }

  static final String BOUNDARY = "os2boundary7MA4YWxkTrZu0gW";

  static String multipartType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  /** A multipart body with one file part and optional plain fields. */
  static byte[] multipart(String fileField, String fileName, byte[] file, Map<String, String> fields) {
    StringBuilder head = new StringBuilder();
    fields.forEach((k, v) -> head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"")
        .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
    byte[] start = (head + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(file, 0, all, start.length, file.length);
    System.arraycopy(end, 0, all, start.length + file.length, end.length);
    return all;
  }
}
