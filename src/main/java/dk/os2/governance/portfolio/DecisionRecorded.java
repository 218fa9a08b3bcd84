package dk.os2.governance.portfolio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision of a governance process was recorded in the portfolio. Published synchronously, inside
 * the engine's transaction that completes the deciding task: a listener's writes commit or roll back
 * with the decision.
 *
 * @param decisionId unique per decision, so a decision is told once
 * @param processInstanceId the process that decided
 * @param productName the product the decision is about
 * @param userIds Camunda users to tell: the proposer or applicant, and for a product's level
 *     processes its steering group (an entry may be null when the process has no proposer)
 * @param addresses further addresses, such as the proposal's contact
 * @param facts what was decided, in order, for people to read; "Afgørelse" first (absent facts are
 *     left out)
 */
public record DecisionRecorded(String decisionId, String processInstanceId, String productName,
    List<String> userIds, List<String> addresses, Map<String, String> facts) {

  public DecisionRecorded {
    userIds = Collections.unmodifiableList(new ArrayList<>(userIds));
    addresses = Collections.unmodifiableList(new ArrayList<>(addresses));
    Map<String, String> present = new LinkedHashMap<>();
    facts.forEach((key, value) -> {
      if (value != null) {
        present.put(key, value);
      }
    });
    facts = Collections.unmodifiableMap(present);
  }
}
