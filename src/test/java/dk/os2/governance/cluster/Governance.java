package dk.os2.governance.cluster;

import static dk.os2.governance.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.RestClient;
import dk.os2.governance.TestMail;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueReader;
import dk.os2.governance.proposal.Proposals;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The governance processes driven over HTTP as each body, on whichever node the test names. */
final class Governance {

  static final String START = "/engine-rest/process-definition/key/project-proposal/submit-form";
  static final Catalogue CATALOGUE = shippedCatalogue();

  private Governance() {}

  private static Catalogue shippedCatalogue() {
    try (InputStream in = Governance.class.getResourceAsStream("/catalogue/os2-levels.yaml")) {
      return CatalogueReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A municipality proposes the product: the process instance id. */
  static String propose(Node node, String name, String level) {
    RestClient.Response response = node.as("kommune").post(START, variables(Proposals.valid(CATALOGUE, name, level)));
    assertThat(response.status()).as(node.name + ": " + response.body()).isEqualTo(200);
    return response.json().path("id").asText();
  }

  /** The one task of the process the user sees, once it is there. */
  static String task(Node node, String user, String processInstanceId) {
    return await(user + "'s task in " + processInstanceId).atMost(Duration.ofSeconds(60)).until(() -> {
      JsonNode tasks = node.as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId).json();
      return tasks.size() == 1 ? tasks.get(0).path("id").asText() : null;
    }, id -> id != null);
  }

  static void submit(Node node, String user, String taskId, Map<String, ?> values) {
    RestClient.Response response = node.as(user).post("/engine-rest/task/" + taskId + "/submit-form", variables(values));
    assertThat(response.status()).as(node.name + " " + user + ": " + response.body()).isEqualTo(204);
  }

  static Map<String, Object> screening() {
    return Map.of("screeningDecision", "forward", "screeningComment", "Ok");
  }

  static Map<String, Object> recommendation(String level) {
    return Map.of("committeeRecommendation", "recommend", "recommendedLevel", level, "committeeRationale", "Anbefales");
  }

  static Map<String, Object> approval(String level) {
    return Map.of("boardDecision", "approve", "approvedLevel", level, "meetingDate",
        LocalDate.now().minusDays(1).toString(), "minutesReference", "Referat pkt. 4", "boardRationale", "Godkendt");
  }

  static String productId(Node node, String name) {
    JsonNode items = node.as("sekretariat")
        .get("/api/products?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).json().path("items");
    assertThat(items.size()).as("products named " + name).isEqualTo(1);
    return items.get(0).path("id").asText();
  }

  /** The subjects of the mails the SMTP server received about the product, one per sent mail. */
  static List<String> received(String productName) {
    return TestMail.withSubject(productName).stream().map(Governance::subject).sorted().toList();
  }

  /** The subjects of the outbox's mails about the product that were sent, one per outbox row. */
  static List<String> sent(Node node, String productName) {
    List<String> subjects = new ArrayList<>();
    for (JsonNode mail : outbox(node, productName)) {
      if (mail.path("status").asText().equals("SENT")) {
        subjects.add(mail.path("subject").asText());
      }
    }
    return subjects.stream().sorted().toList();
  }

  /** Outbox rows about the product that are neither sent nor skipped (pending, held or failed). */
  static List<String> unsent(Node node, String productName) {
    List<String> rows = new ArrayList<>();
    for (JsonNode mail : outbox(node, productName)) {
      String status = mail.path("status").asText();
      if (!status.equals("SENT") && !status.equals("SKIPPED")) {
        rows.add(status + " " + mail.path("subject").asText() + " " + mail.path("lastError").asText());
      }
    }
    return rows;
  }

  /** The outbox's rows whose subject names the product, as the secretariat reads them. */
  static List<JsonNode> outbox(Node node, String productName) {
    RestClient.Response response = node.as("sekretariat").get("/api/outbox");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> rows = new ArrayList<>();
    response.json().forEach(mail -> {
      if (mail.path("subject").asText().contains(productName)) {
        rows.add(mail);
      }
    });
    return rows;
  }

  /**
   * Every mail about the product went exactly once: the outbox has nothing left to send, the SMTP
   * server received one message per sent outbox row (no more, no fewer), and it stays so.
   */
  static void awaitEveryMailOnce(Node node, String productName) {
    await("every mail of " + productName + " sent once").atMost(Duration.ofMinutes(2))
        .during(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          assertThat(unsent(node, productName)).as("unsent mails").isEmpty();
          assertThat(received(productName)).as("mails received about " + productName)
              .isNotEmpty().isEqualTo(sent(node, productName));
        });
  }

  static long receivedWith(String subject) {
    return TestMail.withSubject(subject).size();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
