package dk.os2.benchmark;

import dk.os2.governance.Os2GovernanceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as it is deployed, started in its own JVM with one extra source: the SQL
 * counting of the benchmark ({@link SqlCounting}); {@link ScaleData} seeds open tasks through it.
 */
public final class AppMain {

  private AppMain() {}

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Os2GovernanceApplication.class, SqlCounting.class).run(args);
    SideMain.control(perBody -> ScaleData.openTasks(context, perBody));
  }
}
