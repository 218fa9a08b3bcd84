package dk.os2.governance.identity;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.Os2GovernanceApplication;
import dk.os2.governance.RestClient;
import dk.os2.governance.TestDatabase;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.proposal.Proposals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile on its own PostgreSQL database, as an operator meets it over HTTP: no
 * demo login works, the first administrator is the one from OS2_ADMIN_USER / OS2_ADMIN_PASSWORD
 * and can set up the secretariat, and, with no SMTP server configured, mails wait in the outbox
 * as held ("Tilbageholdt") for the secretariat to send later instead of being dropped.
 */
class ProductionProfileTests {

  static final String ADMIN = "chef";
  static final String ADMIN_PASSWORD = "en-lang-hemmelighed";
  static final List<String> DEMO_LOGINS = List.of("admin", "kommune", "sekretariat", "forretningsudvalg",
      "bestyrelse", "koordinationsudvalg", "generalforsamling", "leverandor");

  @Test
  void outsideTheDemoProfileOnlyTheConfiguredAdministratorCanLogIn() throws Exception {
    String url = TestDatabase.jdbcUrl();
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      ResultSet exists = c.createStatement().executeQuery("select 1 from pg_database where datname = 'prodcheck'");
      if (!exists.next()) {
        c.createStatement().execute("create database prodcheck");
      }
    }
    String prodUrl = url.replace("/postgres?", "/prodcheck?");
    assertThat(prodUrl).as("the production run gets a database of its own").contains("/prodcheck");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Os2GovernanceApplication.class)
        .profiles("prod")
        .run("--server.port=0", "--spring.datasource.url=" + prodUrl, "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres", "--os2.admin.user=" + ADMIN,
            "--os2.admin.password=" + ADMIN_PASSWORD, "--spring.jmx.enabled=false")) {
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

      // No demo login works: the engine's REST API answers 401 to every one of them.
      for (String demo : DEMO_LOGINS) {
        assertThat(RestClient.as(base, demo).get("/engine-rest/task").status()).as(demo + "/demo").isEqualTo(401);
      }
      assertThat(RestClient.as(base, "kommune").get("/api/products").status()).as("kommune/demo on /api")
          .isEqualTo(401);
      assertThat(RestClient.anonymous(base).get("/actuator/health").status()).as("health stays open").isEqualTo(200);

      // The configured administrator logs in, is the only user and an administrator, and finds
      // the governing bodies' groups.
      RestClient admin = new RestClient(base, ADMIN, ADMIN_PASSWORD);
      RestClient.Response users = admin.get("/engine-rest/user");
      assertThat(users.status()).as(users.body()).isEqualTo(200);
      assertThat(ids(users.json())).containsExactly(ADMIN);
      RestClient.Response adminGroups = admin.get("/engine-rest/group?member=" + ADMIN);
      assertThat(adminGroups.status()).as(adminGroups.body()).isEqualTo(200);
      assertThat(ids(adminGroups.json())).contains("camunda-admin");
      RestClient.Response groups = admin.get("/engine-rest/group");
      assertThat(ids(groups.json()))
          .contains("bestyrelse", "forretningsudvalg", "forretningsledelse", "koordinationsudvalg", "generalforsamling");

      // The administrator sets up a secretary, as an operator would after the first start.
      RestClient.Response created = admin.post("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", "sekr", "firstName", "Sekretær", "lastName", "OS2", "email", "sekr@os2.dk"),
          "credentials", Map.of("password", "endnu-en-hemmelighed")));
      assertThat(created.status()).as(created.body()).isEqualTo(204);
      RestClient.Response member = admin.put("/engine-rest/group/forretningsledelse/members/sekr", Map.of());
      assertThat(member.status()).as(member.body()).isEqualTo(204);
      RestClient secretary = new RestClient(base, "sekr", "endnu-en-hemmelighed");
      assertThat(secretary.get("/engine-rest/task").status()).as("the new secretary logs in").isEqualTo(200);

      // A proposal's first task mails the secretariat; without SMTP the mail is held, not dropped.
      Catalogue catalogue = app.getBean(Catalogue.class);
      String pi = app.getBean(ProcessEngine.class).getRuntimeService()
          .startProcessInstanceByKey("project-proposal", Proposals.valid(catalogue, "Uden SMTP", "N1")).getId();
      String subject = "Ny opgave: Screen forslaget – Uden SMTP";
      await("the proposal's mail is held").atMost(ofSeconds(60)).untilAsserted(() -> {
        RestClient.Response outbox = secretary.get("/api/outbox");
        assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
        List<JsonNode> mails = forProcess(outbox.json(), pi);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).path("status").asText()).isEqualTo("HELD");
      });
      JsonNode held = forProcess(secretary.get("/api/outbox").json(), pi).get(0);
      assertThat(held.path("recipients").asText()).isEqualTo("sekr@os2.dk");
      assertThat(held.path("subject").asText()).isEqualTo(subject);
      assertThat(held.path("bodyText").asText()).contains("Uden SMTP");
      assertThat(held.path("lastError").asText()).contains("Ingen mailserver er konfigureret");

      // The outbox page shows the row as held, with the button that sends it once SMTP is set.
      RestClient.Response page = secretary.get("/app/udbakke");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains(subject).contains("<td class=\"HELD\">Tilbageholdt</td>")
          .contains("/app/udbakke/" + held.path("id").asText() + "/send-igen");

      // Last, as a failed attempt delays the user's next login (Camunda's login throttling).
      assertThat(new RestClient(base, ADMIN, "demo").get("/engine-rest/task").status())
          .as("the administrator with a wrong password").isEqualTo(401);
    }
  }

  static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.path("id").asText()));
    return ids;
  }

  static List<JsonNode> forProcess(JsonNode outbox, String processInstanceId) {
    List<JsonNode> mails = new ArrayList<>();
    outbox.forEach(node -> {
      if (processInstanceId.equals(node.path("processInstanceId").asText())) {
        mails.add(node);
      }
    });
    return mails;
  }
}
