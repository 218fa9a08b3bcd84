package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Threat: the application's pages are framed (clickjacking), sniffed as another content type or
 * made to run injected script, and the actuator shows more than health. /app and /api send the
 * headers that the webapps send on /camunda, on answers and refusals alike; the pages run no
 * inline script, so the policy can forbid it.
 */
class HeadersTests extends IntegrationTests {

  @ParameterizedTest
  @ValueSource(strings = {"/app/produkter", "/app/import", "/app/udbakke", "/app/bestyrelsesmoede", "/api/products",
      "/api/catalogues", "/app/intet-her", "/api/intet-her"})
  void pagesAndApiSendTheSecurityHeaders(String path) throws Exception {
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    HttpResponse<String> response = secretariat.send(secretariat.request("GET", path, null, null));
    assertThat(response.statusCode()).isIn(200, 404);
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'", "object-src 'none'", "script-src 'self'", "default-src 'self'")
        .doesNotContain("unsafe-eval");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
    if (path.startsWith("/app/")) {
      // Scripts only from the application's own files (e.g. /print.js), none inline.
      String withoutOwnScripts = response.body().replaceAll("<script src=\"/[a-z-]+\\.js\"></script>", "");
      assertThat(withoutOwnScripts).as("no inline script for the policy to break")
          .doesNotContain("<script", "onclick=", "javascript:");
    }
  }

  @Test
  void refusalsCarryTheHeadersToo() throws Exception {
    Http anonymous = Http.basic(baseUrl(), "nobody-" + System.nanoTime());
    HttpResponse<String> response = anonymous.send(anonymous.request("GET", "/api/products", null, null));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void onlyHealthIsExposedAndWithoutDetails() throws Exception {
    Http anonymous = Http.basic(baseUrl(), "nobody");
    HttpResponse<String> health = anonymous.send(anonymous.request("GET", "/actuator/health", null, null));
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP").doesNotContain("components", "details", "db");
    for (String endpoint : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/mappings",
        "/actuator/configprops", "/actuator/loggers"}) {
      assertThat(anonymous.send(anonymous.request("GET", endpoint, null, null)).statusCode()).as(endpoint).isEqualTo(404);
    }
  }
}
