package dk.os2.governance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.Os2GovernanceApplication;
import dk.os2.governance.TestDatabase;
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
 * The production profile on its own PostgreSQL database: no demo logins, and the first
 * administrator only from OS2_ADMIN_USER / OS2_ADMIN_PASSWORD.
 */
class ProductionLoginsTests {

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
    }
  }
}
