package dk.os2.governance.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the due-date scan regularly (os2.mail.scan-interval); off with os2.mail.scan-enabled=false. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "os2.mail.scan-enabled", havingValue = "true", matchIfMissing = true)
class DueTaskSchedule {

  private final DueTaskScanner scanner;

  DueTaskSchedule(DueTaskScanner scanner) {
    this.scanner = scanner;
  }

  @Scheduled(fixedDelayString = "${os2.mail.scan-interval}", initialDelayString = "${os2.mail.scan-interval}")
  void scan() {
    scanner.scan();
  }
}
