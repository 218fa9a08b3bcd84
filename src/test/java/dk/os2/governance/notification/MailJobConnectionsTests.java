package dk.os2.governance.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dk.os2.governance.IntegrationTests;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A burst of mails cannot take every database connection. Each mail job holds its job's connection
 * and marks each sent mail in a transaction of its own, so it needs two connections at once. With
 * Camunda's default of ten job threads and Hikari's default of ten connections, a burst of mail
 * jobs (seen when many tasks were created at once) took all ten, each waited 30 seconds for its
 * second, and every request and job failed meanwhile.
 */
class MailJobConnectionsTests extends IntegrationTests {

  @Autowired
  DataSource dataSource;

  @Autowired
  @Qualifier("camundaTaskExecutor")
  TaskExecutor jobThreads;

  @Test
  void allJobThreadsHoldingTwoConnectionsEachLeaveConnectionsForRequests() throws Exception {
    int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
    int threads = ((ThreadPoolTaskExecutor) jobThreads).getMaxPoolSize();

    assertThat(2 * threads)
        .as("connections the job executor can hold at once (%d threads), of a pool of %d", threads, connections)
        .isLessThanOrEqualTo(connections / 2);
  }
}
