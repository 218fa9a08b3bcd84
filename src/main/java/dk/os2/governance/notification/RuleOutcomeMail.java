package dk.os2.governance.notification;

import dk.os2.governance.identity.Access;
import dk.os2.governance.rules.CriteriaChangeDecided;
import dk.os2.governance.statutes.StatutesChangeDecided;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the outcome of a rule change (criteria, statutes, licence terms) to the secretariat member
 * who proposed it and the members of the bodies that recommended it: one mail per decision (the
 * outbox key), queued in the engine's transaction that acts on the decision and sent after commit.
 */
@Component
class RuleOutcomeMail {

  /** The fact that holds the change's page: a path, made a full link when the mail is composed. */
  static final String LINK = "Ændringen";

  private final MailQueue queue;
  private final IdentityService identity;
  private final MailComposer composer;

  RuleOutcomeMail(MailQueue queue, IdentityService identity, MailComposer composer) {
    this.queue = queue;
    this.identity = identity;
    this.composer = composer;
  }

  @EventListener
  void criteriaChangeDecided(CriteriaChangeDecided change) {
    queue(change.decisionId(), change.processInstanceId(), change.title(), change.proposer(),
        change.recommendingGroups(), change.facts(), change.link());
  }

  @EventListener
  void statutesChangeDecided(StatutesChangeDecided change) {
    queue(change.decisionId(), change.processInstanceId(), change.title(), change.drafter(),
        change.recommendingGroups(), change.facts(), change.link());
  }

  private void queue(String decisionId, String processInstanceId, String title, String proposer,
      List<String> groups, Map<String, String> facts, String link) {
    // Addresses are looked up on the application's behalf: the person deciding may not read other users.
    Set<String> recipients = new LinkedHashSet<>();
    Access.asSystem(identity, () -> {
      if (proposer != null && !proposer.isBlank()) {
        MailComposer.email(identity.createUserQuery().userId(proposer).singleResult()).ifPresent(recipients::add);
      }
      groups.forEach(group -> recipients.addAll(composer.groupMembers(group)));
      return null;
    });
    List<MailContent.Fact> lines = new ArrayList<>();
    facts.forEach((label, value) -> lines.add(new MailContent.Fact(label, value.replace('\n', ' '))));
    lines.add(new MailContent.Fact(LINK, link));
    queue.queue("rule-outcome:" + decisionId, MailKind.RULE_OUTCOME, null, processInstanceId, title, lines,
        recipients);
  }

  /** The mail: recipients and facts were fixed when it was queued; the change's page becomes a link. */
  static MailComposer.Result compose(OutboxEntry entry, String baseUrl) {
    List<String> recipients = entry.addresses().stream().filter(s -> !s.isBlank()).toList();
    if (recipients.isEmpty()) {
      return new MailComposer.Result(null, "Ingen modtagere har en e-mailadresse.");
    }
    List<MailContent.Fact> facts = new ArrayList<>();
    String page = null;
    String outcome = "Ny afgørelse";
    for (MailContent.Fact fact : entry.facts()) {
      if (fact.label().equals(LINK)) {
        page = baseUrl + fact.value();
        facts.add(new MailContent.Fact(LINK, page));
      } else {
        if (fact.label().equals("Afgørelse")) {
          outcome = fact.value();
        }
        facts.add(fact);
      }
    }
    return new MailComposer.Result(new MailContent(recipients, entry.productName() + ": " + outcome,
        "Afgørelse om " + entry.productName(),
        "Der er truffet en endelig afgørelse om en ændring, som du har foreslået eller indstillet.", facts, page,
        "Åbn ændringen"), null);
  }
}
