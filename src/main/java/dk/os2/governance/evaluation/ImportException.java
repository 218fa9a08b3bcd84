package dk.os2.governance.evaluation;

import java.util.List;

/** A file that cannot be imported; each problem names the line or the criterion, in Danish. */
public class ImportException extends RuntimeException {

  private final List<String> problems;

  public ImportException(List<String> problems) {
    super("Filen kan ikke importeres: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public ImportException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
