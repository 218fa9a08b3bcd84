package dk.os2.benchmark;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/** What both sides' main classes share: the control line on {@code -Dbenchmark.control.port}. */
public final class SideMain {

  private SideMain() {}

  public static void control(Function<Integer, Map<String, Object>> seeder) throws IOException {
    String port = System.getProperty("benchmark.control.port");
    if (port != null) {
      ControlServer.start(Integer.parseInt(port), seeder);
    }
  }
}
