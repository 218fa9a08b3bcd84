package dk.os2.governance.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts of a decision as people read them in its outcome: in order, only those with a value. */
public final class DecisionFacts {

  private DecisionFacts() {}

  /** The facts that have a value, in the order given, unmodifiable. */
  public static Map<String, String> present(Map<String, String> facts) {
    Map<String, String> present = new LinkedHashMap<>();
    facts.forEach((key, value) -> {
      if (value != null) {
        present.put(key, value);
      }
    });
    return Collections.unmodifiableMap(present);
  }
}
