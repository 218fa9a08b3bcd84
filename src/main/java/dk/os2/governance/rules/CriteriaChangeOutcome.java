package dk.os2.governance.rules;

import dk.os2.governance.identity.Body;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces the board's final decision on a criteria change ({@link CriteriaChangeDecided}) for the
 * proposer and the committees that recommended it. Everything is read from what the tasks recorded
 * (the board's decision, the committees' recommendations) and from the change's own row, never from
 * variables a form could write.
 */
@Component
class CriteriaChangeOutcome {

  static final List<String> RECOMMENDATION_TASKS =
      List.of("UserTask_RecommendProductCriteria", "UserTask_RecommendOperationsCriteria");

  private final Portfolio portfolio;
  private final ChangeStore store;
  private final ApplicationEventPublisher events;

  CriteriaChangeOutcome(Portfolio portfolio, ChangeStore store, ApplicationEventPublisher events) {
    this.portfolio = portfolio;
    this.store = store;
    this.events = events;
  }

  /** The board's decision (approve or reject) of the change, with its effective date when approved. */
  void decided(String processInstanceId, Decision board, LocalDate effective) {
    ChangeStore.Change change = store.find(processInstanceId).orElseThrow();
    List<String> committees = new ArrayList<>();
    for (String task : RECOMMENDATION_TASKS) {
      portfolio.latestDecision(processInstanceId, task).filter(d -> !"return".equals(d.outcome()))
          .map(Decision::body).filter(body -> !committees.contains(body)).ifPresent(committees::add);
    }
    String title = "Kriterieændring " + change.catalogueId() + " " + change.version();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Afgørelse", "approve".equals(board.outcome())
        ? "Kriterieændringen er godkendt af bestyrelsen" : "Kriterieændringen er afvist af bestyrelsen");
    facts.put("Katalog", change.catalogueId() + " version " + change.version()
        + (change.baseVersion() == null ? "" : " (afløser version " + change.baseVersion() + ")"));
    facts.put("Træder i kraft", effective == null ? null : MeetingDate.danish(effective));
    facts.put("Truffet af", Body.danishNameOf(board.body()));
    facts.put("Begrundelse", board.rationale());
    facts.put("Bestyrelsesmøde", board.meetingDate() == null ? null : MeetingDate.danish(board.meetingDate()));
    facts.put("Referat", board.minutesReference());
    facts.put("Indstillet af", committees.isEmpty() ? null
        : String.join(", ", committees.stream().map(Body::danishNameOf).toList()));
    events.publishEvent(new CriteriaChangeDecided(board.id(), processInstanceId, title, change.proposedBy(),
        committees, facts, CriteriaChanges.PAGE + "/" + processInstanceId));
  }
}
