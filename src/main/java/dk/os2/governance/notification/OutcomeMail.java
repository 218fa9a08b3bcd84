package dk.os2.governance.notification;

import dk.os2.governance.identity.Access;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Queues the mail that tells a product's proposer about a decision. */
@Component
public class OutcomeMail {

  private final MailQueue queue;
  private final IdentityService identity;

  OutcomeMail(MailQueue queue, IdentityService identity) {
    this.queue = queue;
    this.identity = identity;
  }

  /**
   * @param decisionId unique per decision, so a decision is told once
   * @param userIds Camunda users to tell (their addresses are looked up now)
   * @param addresses further addresses, such as the proposal's contact
   * @param facts what to tell, in order; "Afgørelse" becomes part of the subject
   */
  public void decisionMade(String decisionId, String processInstanceId, String productName, List<String> userIds,
      List<String> addresses, Map<String, String> facts) {
    Set<String> recipients = new LinkedHashSet<>();
    for (String userId : userIds) {
      if (userId != null && !userId.isBlank()) {
        // Addresses are looked up on the application's behalf: the person deciding may not read other users.
        MailComposer.email(Access.asSystem(identity, () -> identity.createUserQuery().userId(userId).singleResult()))
            .ifPresent(recipients::add);
      }
    }
    addresses.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).forEach(recipients::add);
    String detail = facts.entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + ": " + e.getValue().replace('\n', ' ')).collect(Collectors.joining("\n"));
    queue.queue("outcome:" + decisionId, MailKind.OUTCOME, null, processInstanceId, productName, detail)
        .ifPresent(id -> queue.recipients(id, String.join(", ", recipients)));
  }
}
