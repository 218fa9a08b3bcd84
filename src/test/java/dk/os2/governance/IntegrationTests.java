package dk.os2.governance;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full application on a real PostgreSQL with the demo logins. Every integration test
 * extends this class unchanged, so they all share one Spring context and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class IntegrationTests {

  @Autowired
  protected ProcessEngine engine;

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestMail::port);
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "3000");
    registry.add("os2.mail.retry-backoff", () -> "PT1S, PT1S");
    registry.add("os2.mail.scan-enabled", () -> "false");
    registry.add("os2.demo.sample-data", () -> "false");
    registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> "200");
    registry.add("camunda.bpm.job-execution.max-wait", () -> "500");
  }

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
    engine.getIdentityService().clearAuthentication();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
