package dk.os2.governance.rules;

import dk.os2.governance.process.DecisionFacts;
import java.util.List;
import java.util.Map;

/**
 * The board decided a criteria change for good: approved (the version is published) or rejected.
 * Published synchronously in the engine's transaction that acts on the decision, so whatever a
 * listener writes (the outcome mail) commits or rolls back with it.
 *
 * @param decisionId the board's recorded decision, so the outcome is told once
 * @param processInstanceId the change's process
 * @param title what the change is, in Danish ("Kriterieændring os2-levels 1.1")
 * @param proposer the secretariat member who proposed the change (a Camunda user)
 * @param recommendingGroups the committees whose recommendation went to the board (group ids)
 * @param facts what was decided, in order, for people to read; "Afgørelse" first
 * @param link the change's page (a path of this site)
 */
public record CriteriaChangeDecided(String decisionId, String processInstanceId, String title, String proposer,
    List<String> recommendingGroups, Map<String, String> facts, String link) {

  public CriteriaChangeDecided {
    recommendingGroups = List.copyOf(recommendingGroups);
    facts = DecisionFacts.present(facts);
  }
}
