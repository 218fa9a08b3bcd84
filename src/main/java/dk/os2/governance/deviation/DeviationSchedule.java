package dk.os2.governance.deviation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Looks for deviations to remind of every os2.deviation.scan-interval; off with os2.mail.scan-enabled=false. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "os2.mail.scan-enabled", havingValue = "true", matchIfMissing = true)
class DeviationSchedule {

  private final DeviationReminders reminders;

  DeviationSchedule(DeviationReminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(fixedDelayString = "${os2.deviation.scan-interval:PT1H}",
      initialDelayString = "${os2.deviation.scan-interval:PT1H}")
  void scan() {
    reminders.scan();
  }
}
