package dk.os2.governance.notification;

import dk.os2.governance.identity.Access;
import dk.os2.governance.portfolio.DecisionRecorded;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the mail that tells a product's proposer about a decision. It listens synchronously: the
 * mail is queued in the engine's transaction that records the decision, and sent after commit.
 */
@Component
class OutcomeMail {

  private final MailQueue queue;
  private final IdentityService identity;

  OutcomeMail(MailQueue queue, IdentityService identity) {
    this.queue = queue;
    this.identity = identity;
  }

  /**
   * Queues one mail per decision (keyed by its id) to the decision's users, whose addresses are
   * looked up now, and its further addresses; the facts become the mail's details, "Afgørelse" part
   * of its subject.
   */
  @EventListener
  void decisionMade(DecisionRecorded decision) {
    Set<String> recipients = new LinkedHashSet<>();
    for (String userId : decision.userIds()) {
      if (userId != null && !userId.isBlank()) {
        // Addresses are looked up on the application's behalf: the person deciding may not read other users.
        MailComposer.email(Access.asSystem(identity, () -> identity.createUserQuery().userId(userId).singleResult()))
            .ifPresent(recipients::add);
      }
    }
    decision.addresses().stream().filter(a -> a != null && !a.isBlank()).map(String::trim).forEach(recipients::add);
    // A fact is one line of the mail.
    List<MailContent.Fact> facts = decision.facts().entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> new MailContent.Fact(e.getKey(), e.getValue().replace('\n', ' '))).toList();
    queue.queue("outcome:" + decision.decisionId(), MailKind.OUTCOME, null, decision.processInstanceId(),
        decision.productName(), facts, recipients);
  }
}
