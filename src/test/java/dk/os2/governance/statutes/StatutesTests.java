package dk.os2.governance.statutes;

import dk.os2.governance.IntegrationTests;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The statutes' integration tests: the store, and no running change left for the next test. */
abstract class StatutesTests extends IntegrationTests {

  @Autowired
  StatutesStore store;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void endLeftoverChanges() {
    StatutesDrafts.endLeftoverChanges(engine, jdbc);
  }
}
