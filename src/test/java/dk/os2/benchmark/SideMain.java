package dk.os2.benchmark;

import java.util.Comparator;
import java.util.stream.StreamSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/** What both sides' main classes share: starting the application ({@link #run}) and the control line on {@code -Dbenchmark.control.port}. */
public final class SideMain {

  private SideMain() {}

  /**
   * Runs a side's application. With {@code -Dbenchmark.startup-steps=N} (through
   * {@code -Dbenchmark.app-jvm-args} or {@code bare-jvm-args}) it prints the N longest steps of
   * its start-up (bean creations, configuration parsing) to the side's log, each as "STARTUP-STEP".
   */
  public static ConfigurableApplicationContext run(SpringApplicationBuilder builder, String[] args) {
    int steps = Integer.getInteger("benchmark.startup-steps", 0);
    if (steps <= 0) {
      return builder.run(args);
    }
    var startup = new BufferingApplicationStartup(100_000);
    var context = builder.applicationStartup(startup).run(args);
    startup.getBufferedTimeline().getEvents().stream()
        .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
        .limit(steps)
        .forEach(e -> System.out.println("STARTUP-STEP " + e.getDuration().toMillis() + " ms "
            + e.getStartupStep().getName() + " " + StreamSupport
                .stream(e.getStartupStep().getTags().spliterator(), false).map(t -> t.getKey() + "=" + t.getValue())
                .toList()));
    return context;
  }

  public static void control(Function<Integer, Map<String, Object>> seeder) throws IOException {
    String port = System.getProperty("benchmark.control.port");
    if (port != null) {
      ControlServer.start(Integer.parseInt(port), seeder);
    }
  }
}
