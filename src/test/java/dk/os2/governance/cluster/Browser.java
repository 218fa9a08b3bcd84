package dk.os2.governance.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser without JavaScript that keeps its cookies for {@code localhost} (the nodes differ only
 * by port, and cookies ignore ports, as behind one reverse proxy): it logs in to the webapps on
 * one node and goes on with the same cookies on another.
 */
final class Browser {

  record Page(int status, String body, String location) {}

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /** Logs in to Tasklist on the node as the webapps' login page does. */
  void login(Node node, String user, String password) {
    get(node, "/camunda/app/tasklist/default/");
    Page login = send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    assertThat(login.status()).as(node.name + " login: " + login.body()).isEqualTo(200);
  }

  /** Logs out through the webapps' logout, as Tasklist's menu does. */
  Page logout(Node node) {
    return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", xsrf()).POST(HttpRequest.BodyPublishers.noBody()));
  }

  Page get(Node node, String path) {
    return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("Accept", "text/html,application/json").GET());
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
  }

  private String xsrf() {
    String token = cookie("XSRF-TOKEN");
    assertThat(token).as("the webapps' XSRF-TOKEN cookie").isNotNull();
    return token;
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
