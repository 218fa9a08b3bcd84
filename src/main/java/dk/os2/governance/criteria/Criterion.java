package dk.os2.governance.criteria;

/**
 * One criterion of a catalogue. {@code level} is the level at which it first applies; a level
 * includes the criteria of every level below it.
 */
public record Criterion(
    String id,
    String theme,
    String level,
    String title,
    String guidance,
    boolean mandatory,
    boolean deviationAllowed,
    String owner) {

  /** Prefix of the process variables that carry a product's self-assessment of this criterion. */
  public String variablePrefix() {
    return "sa_" + id.replaceAll("[^A-Za-z0-9]", "_");
  }

  public String answerVariable() {
    return variablePrefix() + "_answer";
  }

  public String documentationVariable() {
    return variablePrefix() + "_documentation";
  }

  public String deviationVariable() {
    return variablePrefix() + "_deviation";
  }
}
