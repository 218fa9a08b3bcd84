package dk.os2.governance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.Os2GovernanceApplication;
import dk.os2.governance.RestClient;
import dk.os2.governance.TestDatabase;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.notification.MailStatus;
import dk.os2.governance.notification.Outbox;
import dk.os2.governance.notification.OutboxEntry;
import dk.os2.governance.proposal.Proposals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile on its own PostgreSQL database: no demo logins, the first
 * administrator only from OS2_ADMIN_USER / OS2_ADMIN_PASSWORD, and, with no SMTP server
 * configured, mails kept in the outbox for the secretariat instead of dropped.
 */
class ProductionProfileTests {

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
    assertThat(prodUrl).contains("/prodcheck");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Os2GovernanceApplication.class)
        .profiles("prod")
        .run("--server.port=0", "--spring.datasource.url=" + prodUrl, "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres", "--os2.admin.user=chef",
            "--os2.admin.password=en-lang-hemmelighed", "--spring.jmx.enabled=false")) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();

      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("chef");
      assertThat(identity.checkPassword("admin", "demo")).isFalse();
      assertThat(identity.checkPassword("bestyrelse", "demo")).isFalse();
      assertThat(identity.checkPassword("chef", "en-lang-hemmelighed")).isTrue();
      assertThat(identity.createUserQuery().userId("chef").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
      assertThat(identity.createGroupQuery().list()).extracting(g -> g.getId())
          .contains("bestyrelse", "forretningsudvalg", "forretningsledelse", "koordinationsudvalg", "generalforsamling");

      User secretary = identity.newUser("sekr");
      secretary.setEmail("sekr@os2.dk");
      secretary.setPassword("endnu-en-hemmelighed");
      identity.saveUser(secretary);
      identity.createMembership("sekr", "forretningsledelse");
      Catalogue catalogue = app.getBean(Catalogue.class);
      String pi = app.getBean(ProcessEngine.class).getRuntimeService()
          .startProcessInstanceByKey("project-proposal", Proposals.valid(catalogue, "Uden SMTP", "N1")).getId();
      Outbox outbox = app.getBean(Outbox.class);
      long deadline = System.currentTimeMillis() + 30_000;
      while (outbox.forProcess(pi).stream().noneMatch(m -> m.status() == MailStatus.HELD)
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      OutboxEntry held = outbox.forProcess(pi).get(0);
      assertThat(held.status()).isEqualTo(MailStatus.HELD);
      assertThat(held.recipients()).isEqualTo("sekr@os2.dk");
      assertThat(held.bodyText()).contains("Uden SMTP");

      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      RestClient.Response page = new RestClient(base, "sekr", "endnu-en-hemmelighed").get("/app/udbakke");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("Tilbageholdt").contains("Ny opgave: Screen forslaget – Uden SMTP");
    }
  }
}
