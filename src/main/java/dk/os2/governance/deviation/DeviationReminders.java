package dk.os2.governance.deviation;

import dk.os2.governance.process.ProcessClock;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds open deviations that expire within {@code os2.deviation.remind-before} (or have expired)
 * and announces each as {@link DeviationExpiring}, once per deviation and expiry date: the row is
 * marked in the same transaction, in which {@code notification} queues the mail (an outbox row and
 * a job, sent after commit). A changed expiry date gets its own reminder.
 */
@Component
public class DeviationReminders {

  private final DeviationStore store;
  private final DeviationRegister register;
  private final ApplicationEventPublisher events;
  private final Period remindBefore;

  DeviationReminders(DeviationStore store, DeviationRegister register, ApplicationEventPublisher events,
      @Value("${os2.deviation.remind-before:P30D}") Period remindBefore) {
    this.store = store;
    this.register = register;
    this.events = events;
    this.remindBefore = remindBefore;
  }

  /** Returns how many reminders were announced. */
  @Transactional
  public int scan() {
    LocalDate horizon = ProcessClock.today().plus(remindBefore);
    int announced = 0;
    for (DeviationStore.Row row : store.dueForReminder(horizon)) {
      if (!store.reminded(row.id(), row.expiresOn())) {
        continue;
      }
      Deviation d = register.view(java.util.List.of(row)).get(0);
      events.publishEvent(new DeviationExpiring(d.id(), d.productId(), d.productName(), d.criterionId(),
          d.criterionTitle(), d.reason(), d.ownerId(), d.ownerIsGroup(), d.ownerName(), d.expiresOn()));
      announced++;
    }
    return announced;
  }
}
