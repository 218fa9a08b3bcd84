package dk.os2.governance.statutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the statutes tests share: a form post as a demo login, a draft by the secretariat, the cleanup. */
public final class StatutesDrafts {

  private StatutesDrafts() {}

  /** The secretariat drafts a change of one document on its page; answers the running change's id. */
  public static String draft(String baseUrl, String slug, String text, String rationale) {
    HttpResponse<String> response = post(baseUrl, "sekretariat", "/app/vedtaegter/" + slug + "/aendring",
        Map.of("tekst", text, "begrundelse", rationale));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow().replaceAll(".*/forslag/([^?]+).*", "$1");
  }

  /** A form posted as a demo login (password {@code demo}) with HTTP Basic. */
  public static HttpResponse<String> post(String baseUrl, String user, String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends every running statutes change a test left, so the next may draft one. */
  public static void endLeftoverChanges(ProcessEngine engine, JdbcClient jdbc) {
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(StatutesChanges.PROCESS).list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test cleanup"));
    jdbc.sql("delete from statutes_running_change").update();
  }
}
