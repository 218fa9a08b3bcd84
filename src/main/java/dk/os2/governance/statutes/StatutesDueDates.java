package dk.os2.governance.statutes;

import dk.os2.governance.process.ProcessClock;
import java.time.Duration;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The general assembly's due date ({@code os2.statutes.due.general-assembly}, default 180 days): it
 * decides at its next meeting, usually the annual one, not within the board's weeks.
 */
@Component("statutesDueDates")
@ConfigurationProperties("os2.statutes.due")
public class StatutesDueDates {

  private Duration generalAssembly = Duration.ofDays(180);

  public Date generalAssembly() {
    return Date.from(ProcessClock.now().plus(generalAssembly));
  }

  public void setGeneralAssembly(Duration generalAssembly) {
    this.generalAssembly = generalAssembly;
  }
}
