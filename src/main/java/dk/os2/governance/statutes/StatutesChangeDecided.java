package dk.os2.governance.statutes;

import dk.os2.governance.process.DecisionFacts;
import java.util.List;
import java.util.Map;

/**
 * A change of the statutes or the licence terms was decided for good: adopted or not adopted by
 * the general assembly, or rejected by the board. Published synchronously in the engine's
 * transaction that acts on the decision, so whatever a listener writes (the outcome mail) commits
 * or rolls back with it.
 *
 * @param decisionId the recorded decision, so the outcome is told once
 * @param processInstanceId the change's process
 * @param title what the change is, in Danish ("Ændring af vedtægter")
 * @param drafter the secretariat member who drafted the change (a Camunda user)
 * @param recommendingGroups the bodies whose recommendation went on to the general assembly (group ids)
 * @param facts what was decided, in order, for people to read; "Afgørelse" first
 * @param link the change's page (a path of this site)
 */
public record StatutesChangeDecided(String decisionId, String processInstanceId, String title, String drafter,
    List<String> recommendingGroups, Map<String, String> facts, String link) {

  public StatutesChangeDecided {
    recommendingGroups = List.copyOf(recommendingGroups);
    facts = DecisionFacts.present(facts);
  }
}
