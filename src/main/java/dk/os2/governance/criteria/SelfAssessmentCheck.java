package dk.os2.governance.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a self-assessment against the criteria of a requested level, by these rules:
 *
 * <ul>
 *   <li>every criterion of the level and below has an answer;
 *   <li>"Ja" meets the criterion;
 *   <li>"Nej" on a mandatory criterion is a gap; on a recommendation it is a note;
 *   <li>"Ikke relevant" or "Ved ikke" needs a documented deviation where the criterion allows one
 *       (then it is a note); where it allows none, a mandatory criterion has a gap.
 * </ul>
 *
 * <p>The indicative level is the highest level at which no mandatory criterion at or below it
 * has a gap; recommendations never block.
 */
public final class SelfAssessmentCheck {

  /** A problem or remark about one criterion. */
  public record Finding(String criterionId, String level, String title, String problem) {}

  public record Result(
      String catalogueReference,
      String requestedLevel,
      List<Finding> gaps,
      List<Finding> notes,
      String indicativeLevel) {

    public boolean passed() {
      return gaps.isEmpty();
    }

    /** A short Danish Markdown summary, shown in the committee and board forms. */
    public String summary() {
      StringBuilder text = new StringBuilder();
      text.append(passed()
          ? "Selvevalueringen opfylder kriterierne for " + requestedLevel + "."
          : "Selvevalueringen har " + gaps.size() + " mangler for " + requestedLevel + ".");
      text.append(" Vejledende niveau: ").append(indicativeLevel == null ? "intet" : indicativeLevel).append('.');
      for (Finding gap : gaps) {
        text.append("\n- Mangel ").append(gap.criterionId()).append(" (").append(gap.title()).append("): ")
            .append(gap.problem());
      }
      for (Finding note : notes) {
        text.append("\n- Bemærkning ").append(note.criterionId()).append(" (").append(note.title()).append("): ")
            .append(note.problem());
      }
      text.append("\n\nKriteriekatalog: ").append(catalogueReference).append('.');
      return text.toString();
    }
  }

  private SelfAssessmentCheck() {}

  /** Checks {@code answers}, keyed by the criteria's process variable names. */
  public static Result check(Catalogue catalogue, String requestedLevel, Map<String, ?> answers) {
    List<Finding> allGaps = new ArrayList<>();
    List<Finding> gaps = new ArrayList<>();
    List<Finding> notes = new ArrayList<>();
    int requested = catalogue.rank(requestedLevel);
    for (Criterion criterion : catalogue.criteria()) {
      Assessment assessment = assess(criterion, answers);
      if (assessment == null) {
        continue;
      }
      boolean inScope = catalogue.rank(criterion.level()) <= requested;
      Finding finding = new Finding(criterion.id(), criterion.level(), criterion.title(), assessment.problem());
      if (assessment.blocking()) {
        allGaps.add(finding);
        if (inScope) {
          gaps.add(finding);
        }
      } else if (inScope) {
        notes.add(finding);
      }
    }
    return new Result(catalogue.reference(), requestedLevel, gaps, notes, indicativeLevel(catalogue, allGaps));
  }

  private record Assessment(boolean blocking, String problem) {}

  private static Assessment assess(Criterion c, Map<String, ?> answers) {
    Object raw = answers.get(c.answerVariable());
    if (raw == null || raw.toString().isBlank()) {
      return new Assessment(c.mandatory(), "ikke besvaret");
    }
    Answer answer = Answer.fromLabel(raw).orElse(null);
    if (answer == null) {
      return new Assessment(true, "ugyldigt svar '" + raw + "'");
    }
    if (answer == Answer.JA) {
      return null;
    }
    if (!c.mandatory()) {
      return new Assessment(false, "anbefaling besvaret '" + answer.label() + "'");
    }
    if (answer == Answer.NEJ) {
      return new Assessment(true, "obligatorisk kriterium besvaret 'Nej'");
    }
    if (!c.deviationAllowed()) {
      return new Assessment(true, "besvaret '" + answer.label() + "', og kriteriet kan ikke fraviges");
    }
    Object deviation = answers.get(c.deviationVariable());
    if (deviation == null || deviation.toString().isBlank()) {
      return new Assessment(true, "besvaret '" + answer.label() + "' uden dokumenteret afvigelse");
    }
    return new Assessment(false, "dokumenteret afvigelse: " + deviation);
  }

  private static String indicativeLevel(Catalogue catalogue, List<Finding> gaps) {
    String indicative = null;
    for (Catalogue.Level level : catalogue.levels()) {
      int rank = catalogue.rank(level.id());
      boolean blocked = gaps.stream().anyMatch(g -> catalogue.rank(g.level()) <= rank);
      if (blocked) {
        break;
      }
      indicative = level.id();
    }
    return indicative;
  }
}
