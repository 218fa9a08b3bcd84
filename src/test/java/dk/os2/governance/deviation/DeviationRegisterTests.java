package dk.os2.governance.deviation;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.TestMail;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.notification.Outbox;
import dk.os2.governance.notification.OutboxEntry;
import dk.os2.governance.proposal.Proposals;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The deviation register as the secretariat and a proposer meet it: a checked self-assessment's
 * deviation enters it with its default owner and expiry, the secretariat changes owner and expiry
 * (and nothing else may), the owner is reminded once before it expires, and the portfolio page
 * filters it and exports it as CSV.
 */
class DeviationRegisterTests extends IntegrationTests {

  static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Autowired
  Catalogue catalogue;

  @Autowired
  DeviationRegister register;

  @Autowired
  DeviationReminders reminders;

  @Autowired
  Outbox outbox;

  @Autowired
  SpringTemplateEngine templates;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A proposal by "kommune" with a documented deviation from N1-2 (and from N2-3 at N2). */
  String proposalWithDeviations(String name, String level) {
    Map<String, Object> values = Proposals.valid(catalogue, name, level);
    values.put("sa_N1_2_answer", "Nej");
    values.put("sa_N1_2_deviation", "Ejerskabet overdrages til OS2; aftalen underskrives i 2027");
    if (!"N1".equals(level)) {
      values.put("sa_N2_3_answer", "Ved ikke");
      values.put("sa_N2_3_deviation", "Dokumentationen følger i næste version");
    }
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal", values);
    engine.getIdentityService().clearAuthentication();
    return engine.getRuntimeService().getVariable(pi.getId(), "productId").toString();
  }

  Deviation only(String productId, String criterionId) {
    return register.forProduct(productId).stream().filter(d -> d.criterionId().equals(criterionId))
        .reduce((a, b) -> {
          throw new AssertionError("two deviations from " + criterionId);
        }).orElseThrow();
  }

  Pages as(String user) {
    return new Pages(baseUrl(), user);
  }

  @Test
  void aCheckedProposalWithADeviationEntersTheRegisterOwnedByTheProposerForAYear() {
    String product = proposalWithDeviations(Proposals.uniqueName("Afvigelsesregister"), "N1");

    List<Deviation> deviations = register.forProduct(product);
    assertThat(deviations).hasSize(1);
    Deviation d = deviations.get(0);
    assertThat(d.criterionId()).isEqualTo("N1-2");
    assertThat(d.reason()).isEqualTo("Ejerskabet overdrages til OS2; aftalen underskrives i 2027");
    assertThat(d.ownerId()).as("a proposal's deviation is owned by its proposer").isEqualTo("kommune");
    assertThat(d.ownerIsGroup()).isFalse();
    assertThat(d.expiresOn()).as("default validity one year").isEqualTo(LocalDate.now().plusYears(1));
    assertThat(d.state()).isEqualTo(Deviation.State.OPEN);

    JsonNode api = RestClient.as(baseUrl(), "kommune").get("/api/products/" + product + "/deviations").json();
    assertThat(api.size()).isOne();
    assertThat(api.get(0).path("criterionId").asText()).isEqualTo("N1-2");
    assertThat(api.get(0).path("ownerId").asText()).isEqualTo("kommune");
    assertThat(api.get(0).path("expiresOn").asText()).isEqualTo(LocalDate.now().plusYears(1).toString());
    assertThat(api.get(0).path("state").asText()).isEqualTo("OPEN");
    assertThat(RestClient.as(baseUrl(), "kommune").get("/api/products/findes-ikke/deviations").status()).isEqualTo(404);

    // The product page includes the fragment with the product's deviations.
    String fragment = templates.process("deviation-product", Set.of("deviations"),
        new Context(Locale.forLanguageTag("da"), Map.of("deviations", deviations)));
    assertThat(HtmlUtils.htmlUnescape(fragment)).contains("<h2>Afvigelser</h2>").contains("N1-2")
        .contains("Ejerskabet overdrages til OS2; aftalen underskrives i 2027")
        .contains(LocalDate.now().plusYears(1).format(DANISH)).contains(">Åben<")
        .contains("/app/afvigelser?tilstand=alle&produkt=" + product);
  }

  @Test
  void theSecretariatChangesOwnerAndExpiryAndBadInputChangesNothing() {
    String product = proposalWithDeviations(Proposals.uniqueName("Ejerskifte"), "N1");
    Deviation before = only(product, "N1-2");
    String path = "/app/afvigelser/" + before.id();
    String later = LocalDate.now().plusMonths(18).format(DANISH);

    Pages.Page badDay = as("sekretariat").post(path, Map.of("ejer", "forretningsledelse", "udloeb", "31-02-2027"));
    assertThat(badDay.status()).isEqualTo(400);
    assertThat(badDay.body()).contains("Udløbsdatoen: datoen '31-02-2027' findes ikke");
    Pages.Page slashes = as("sekretariat").post(path, Map.of("ejer", "forretningsledelse", "udloeb", "11/03/2027"));
    assertThat(slashes.status()).isEqualTo(400);
    assertThat(slashes.body()).contains("kan læses på to måder");
    Pages.Page past = as("sekretariat").post(path, Map.of("ejer", "forretningsledelse",
        "udloeb", LocalDate.now().minusDays(1).format(DANISH)));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("Udløbsdatoen kan ikke ligge før i dag");
    Pages.Page unknownOwner = as("sekretariat").post(path, Map.of("ejer", "ingen-saadan", "udloeb", later));
    assertThat(unknownOwner.status()).isEqualTo(400);
    assertThat(unknownOwner.body()).contains("Ejeren 'ingen-saadan' findes hverken som bruger eller som gruppe");
    for (String body : List.of("forretningsudvalg", "bestyrelse", "kommune")) {
      Pages.Page refused = as(body).post(path, Map.of("ejer", "forretningsledelse", "udloeb", later));
      assertThat(refused.status()).as(body).isEqualTo(403);
      assertThat(refused.body()).contains("Kun sekretariatet kan ændre eller lukke afvigelser");
    }
    assertThat(RestClient.as(baseUrl(), "kommune").put("/api/deviations/" + before.id(),
        Map.of("owner", "kommune", "expiresOn", later)).status()).isEqualTo(403);
    assertThat(only(product, "N1-2")).as("nothing changed").isEqualTo(before);

    Pages.Page changed = as("sekretariat").post(path, Map.of("ejer", "forretningsledelse", "udloeb", later));
    assertThat(changed.status()).as(changed.body()).isEqualTo(302);
    Deviation after = only(product, "N1-2");
    assertThat(after.ownerId()).isEqualTo("forretningsledelse");
    assertThat(after.ownerIsGroup()).isTrue();
    assertThat(after.ownerName()).isEqualTo("Forretningsledelsen (sekretariatet)");
    assertThat(after.expiresOn()).isEqualTo(LocalDate.now().plusMonths(18));
    assertThat(after.reason()).isEqualTo(before.reason());

    assertThat(as("forretningsudvalg").post(path + "/luk", Map.of()).status()).isEqualTo(403);
    assertThat(as("sekretariat").post(path + "/luk", Map.of()).status()).isEqualTo(302);
    assertThat(only(product, "N1-2").state()).isEqualTo(Deviation.State.CLOSED);
    Pages.Page closedAgain = as("sekretariat").post(path, Map.of("ejer", "kommune", "udloeb", later));
    assertThat(closedAgain.status()).isEqualTo(409);
    assertThat(closedAgain.body()).contains("Afvigelsen er lukket");
  }

  @Test
  void theOwnerAndTheSecretariatAreRemindedOnceBeforeTheDeviationExpires() throws Exception {
    String name = Proposals.uniqueName("Paamindelse");
    String product = proposalWithDeviations(name, "N1");
    // The register's expiry date is brought to 40 days from now, so that the engine's clock moves
    // only weeks, not a year (which would fire the evaluation timer of every product in the shared
    // database).
    LocalDate expires = LocalDate.now().plusDays(40);
    jdbc.sql("update deviation set expires_on = ? where id = ?")
        .params(java.sql.Date.valueOf(expires), only(product, "N1-2").id()).update();

    ClockUtil.setCurrentTime(startOf(expires.minusDays(40)));
    reminders.scan();
    ClockUtil.setCurrentTime(startOf(expires.minusDays(10)));
    reminders.scan();
    reminders.scan();

    String key = "deviation-reminder:" + only(product, "N1-2").id() + ":" + expires;
    await("the reminder settles").atMost(ofSeconds(60)).until(() -> outbox.byKey(key)
        .filter(e -> e.sentAt() != null || e.lastError() != null).isPresent());
    OutboxEntry reminder = outbox.byKey(key).orElseThrow();
    assertThat(reminder.lastError()).isNull();
    assertThat(reminder.sentAt()).isNotNull();
    assertThat(reminder.subject()).isEqualTo("Påmindelse: afvigelsen fra N1-2 udløber " + expires.format(DANISH) + " – " + name);
    assertThat(reminder.recipients()).as("the owner (the proposer) and the secretariat")
        .contains("kommune@demo.os2.dk", "sekretariat@demo.os2.dk");
    String subject = "Påmindelse: afvigelsen fra N1-2 udløber " + expires.format(DANISH) + " – " + name;
    await("the reminder arrives").atMost(ofSeconds(30)).until(() -> TestMail.withSubject(subject).size() == 1);
    MimeMessage mail = TestMail.withSubject(subject).get(0);
    assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
        .as("the owner (the proposer) and the secretariat").contains("kommune@demo.os2.dk", "sekretariat@demo.os2.dk");
    assertThat(reminder.bodyText()).contains("Ejerskabet overdrages til OS2").contains("Udløber: " + expires.format(DANISH))
        .contains("/app/afvigelser");

    ClockUtil.setCurrentTime(startOf(expires.plusDays(1)));
    reminders.scan();
    // Sent once, also after it expired: the count stays one for a while after the scan.
    await("the reminder stays single").during(java.time.Duration.ofMillis(1500)).atMost(ofSeconds(10))
        .until(() -> TestMail.withSubject("afvigelsen fra N1-2 udløber").stream()
            .filter(m -> subjectOf(m).endsWith(name)).count() == 1);
  }

  @Test
  void thePortfolioPageFiltersTheDeviationsAndExportsThemAsCsv() {
    String name = Proposals.uniqueName("Filtrering");
    String product = proposalWithDeviations(name, "N2");
    Deviation ownership = only(product, "N1-2");
    Deviation documentation = only(product, "N2-3");
    assertThat(as("sekretariat").post("/app/afvigelser/" + documentation.id(),
        Map.of("ejer", "koordinationsudvalg", "udloeb", LocalDate.now().plusDays(10).format(DANISH))).status())
        .isEqualTo(302);

    Pages.Page all = as("bestyrelse").get("/app/afvigelser?produkt=" + product);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body()).contains("Afvigelser i porteføljen").contains(ownership.id()).contains(documentation.id())
        .contains("href=\"/app/afvigelser\"").as("only the secretariat gets the forms").doesNotContain("Luk afvigelsen");
    assertThat(as("sekretariat").get("/app/afvigelser?produkt=" + product).body()).contains("Luk afvigelsen");

    assertThat(as("bestyrelse").get("/app/afvigelser?produkt=" + product + "&dage=30").body())
        .as("expiring within 30 days").contains(documentation.id()).doesNotContain(ownership.id());
    assertThat(as("bestyrelse").get("/app/afvigelser?produkt=" + product + "&kriterium=N1-2").body())
        .contains(ownership.id()).doesNotContain(documentation.id());
    assertThat(as("bestyrelse").get("/app/afvigelser?produkt=" + product + "&ejer=koordinationsudvalg").body())
        .contains(documentation.id()).doesNotContain(ownership.id());
    assertThat(as("bestyrelse").get("/app/afvigelser?produkt=" + product + "&tilstand=udloebne").body())
        .contains("Ingen afvigelser passer til filteret");
    as("sekretariat").post("/app/afvigelser/" + ownership.id() + "/luk", Map.of());
    assertThat(as("bestyrelse").get("/app/afvigelser?produkt=" + product).body())
        .as("open ones by default").contains(documentation.id()).doesNotContain(ownership.id());
    assertThat(as("bestyrelse").get("/app/afvigelser?produkt=" + product + "&tilstand=lukkede").body())
        .contains(ownership.id()).doesNotContain(documentation.id());
    Pages.Page badDays = as("bestyrelse").get("/app/afvigelser?dage=mange");
    assertThat(badDays.status()).isEqualTo(400);
    assertThat(badDays.body()).contains("Antal dage skal være et helt tal mellem 0 og 3650 (ikke 'mange')");

    Pages.Page csv = as("bestyrelse").get("/app/afvigelser/csv?produkt=" + product + "&tilstand=alle");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv").contains("UTF-8");
    assertThat(Arrays.copyOf(csv.bytes(), 3)).as("UTF-8 BOM").containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = csv.body().substring(1).lines().toList();
    assertThat(lines.get(0)).isEqualTo("Produkt;Kriterium;Kriteriets titel;Begrundelse;Ejer;Udløber;Status;Oprettet;Lukket");
    assertThat(lines).hasSize(3);
    String today = LocalDate.now().format(DANISH);
    assertThat(lines.get(1)).startsWith(name + ";N2-3;").contains(";Dokumentationen følger i næste version;Koordinationsudvalget;"
        + LocalDate.now().plusDays(10).format(DANISH) + ";Åben;" + today + ";");
    assertThat(lines.get(2)).startsWith(name + ";N1-2;")
        .as("a reason with the separator is quoted").contains(";\"Ejerskabet overdrages til OS2; aftalen underskrives i 2027\";")
        .endsWith(";Lukket;" + today + ";" + today);
    assertThat(new String(csv.bytes(), StandardCharsets.UTF_8)).contains("\r\n");
  }

  static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).plusHours(9).toInstant());
  }
}
