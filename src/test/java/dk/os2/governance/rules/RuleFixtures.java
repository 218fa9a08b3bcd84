package dk.os2.governance.rules;

import dk.os2.governance.RestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Catalogue texts for the rule-change tests: the shipped catalogue under an id of the test's own. */
final class RuleFixtures {

  private RuleFixtures() {}

  /** The shipped catalogue's text as version 1.0 of a catalogue no other test uses. */
  static String catalogue(String id) {
    try (InputStream in = RuleFixtures.class.getResourceAsStream("/catalogue/os2-levels.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id: os2-levels", "id: " + id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String uniqueId() {
    return "regeltest-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String version(String text, String version) {
    return text.replace("version: \"1.0\"", "version: \"" + version + "\"");
  }

  /** The recommendation N1-5 (training materials, a product criterion) made mandatory with no deviation. */
  static String n15Mandatory(String text) {
    int at = text.indexOf("id: N1-5");
    String block = text.substring(at, text.indexOf("- id:", at));
    return text.replace(block, block.replace("mandatory: false", "mandatory: true")
        .replace("deviationAllowed: true", "deviationAllowed: false"));
  }

  /** The operations criterion N3-3 (owned by the Coordination Committee) with a new title. */
  static String n33Retitled(String text) {
    return text.replace("title: Parametrene for \"Overdragelse til drift\" er overholdt",
        "title: Overdragelse til drift er godkendt af Koordinationsudvalget");
  }

  /** A POST of a page's form (application/x-www-form-urlencoded) with HTTP Basic, as a client would. */
  static RestClient.Response postForm(String baseUrl, String user, String path, String field, String value) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
          .build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new RestClient.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A POST of a plain-text body with HTTP Basic. */
  static RestClient.Response postText(String baseUrl, String user, String path, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "text/plain; charset=UTF-8")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new RestClient.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
