package dk.os2.governance.criteria;

import java.util.Arrays;
import java.util.Optional;

/** A product's own answer to a criterion, as OS2's self-assessment form words it. */
public enum Answer {
  JA("Ja"),
  NEJ("Nej"),
  IKKE_RELEVANT("Ikke relevant"),
  VED_IKKE("Ved ikke");

  private final String label;

  Answer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Answer> fromLabel(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(a -> a.label.equals(value.toString())).findFirst();
  }
}
