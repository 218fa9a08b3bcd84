package dk.os2.governance.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock for every date the processes compute: the engine's ({@link ClockUtil}), which
 * also decides when timers and jobs fall due. Process tests move it with
 * {@code ClockUtil.setCurrentTime} and see due dates, meeting-date fallbacks, evaluation dates and
 * timers agree. Times that only record when the system did something (row timestamps, mail sent)
 * stay on the system clock.
 */
public final class ProcessClock {

  private ProcessClock() {}

  /** Now by the engine's clock. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Now by the engine's clock, as the engine's own APIs (job and timer due dates) take it. */
  public static Date currentTime() {
    return Date.from(now());
  }

  /** Today by the engine's clock, in the server's time zone. */
  public static LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneId.systemDefault());
  }

  /** The start of a day in the server's time zone, as a timer's due date. */
  public static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
