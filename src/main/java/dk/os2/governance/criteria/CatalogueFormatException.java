package dk.os2.governance.criteria;

import java.util.List;

/** A catalogue file that cannot be read; each problem names the field or criterion, in Danish. */
public class CatalogueFormatException extends RuntimeException {

  private final List<String> problems;

  public CatalogueFormatException(List<String> problems) {
    super("Kataloget kan ikke læses: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
