package dk.os2.governance.criteria;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a self-assessment against the criteria of a requested level, by these rules:
 *
 * <ul>
 *   <li>every criterion of the level and below has an answer;
 *   <li>"Ja" meets the criterion;
 *   <li>a recommendation not answered "Ja" is a note, never a gap;
 *   <li>on a mandatory criterion, "Nej", "Ikke relevant" or "Ved ikke" needs a documented deviation
 *       where the criterion allows one: then the deviation stands in for the criterion, counts
 *       yellow and is a note ({@link Result#deviations()}); without one, or where the criterion
 *       allows none, it is a gap (red).
 * </ul>
 *
 * <p>The indicative level is the highest level, up to the requested one, at which no mandatory
 * criterion at or below it has a gap; recommendations never block. Only the criteria of the
 * requested level and below are assessed (the form asks no others): answers to higher levels' criteria,
 * such as those left from an earlier round that asked for a higher level, count for nothing, so the
 * indicative level never claims more than the counts and the report show.
 */
public final class SelfAssessmentCheck {

  /**
   * A problem or remark about one criterion; {@code deviation} is the documented deviation that
   * stands in for it, or null.
   */
  public record Finding(String criterionId, String level, String title, String problem, String deviation) {

    public Finding(String criterionId, String level, String title, String problem) {
      this(criterionId, level, title, problem, null);
    }
  }

  public record Result(
      String catalogueReference,
      String requestedLevel,
      List<Finding> gaps,
      List<Finding> notes,
      String indicativeLevel) {

    public boolean passed() {
      return gaps.isEmpty();
    }

    /** The criteria in scope for which a documented deviation stands in (each counts yellow). */
    public List<Finding> deviations() {
      return notes.stream().filter(n -> n.deviation() != null).toList();
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
        if (note.deviation() == null) {
          text.append("\n- Bemærkning ").append(note.criterionId()).append(" (").append(note.title()).append("): ")
              .append(note.problem());
        }
      }
      List<Finding> deviations = deviations();
      if (!deviations.isEmpty()) {
        text.append("\n\nDokumenterede afvigelser (tæller gul, står i stedet for kriteriet):");
        for (Finding deviation : deviations) {
          text.append("\n- ").append(deviation.criterionId()).append(" (").append(deviation.title()).append("): ")
              .append(deviation.problem());
        }
      }
      text.append("\n\nKriteriekatalog: ").append(catalogueReference).append('.');
      return text.toString();
    }
  }

  private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private SelfAssessmentCheck() {}

  /** Checks {@code answers}, keyed by the criteria's process variable names. */
  public static Result check(Catalogue catalogue, String requestedLevel, Map<String, ?> answers) {
    return check(catalogue, requestedLevel, answers, Map.of());
  }

  /**
   * Checks {@code answers} as {@link #check(Catalogue, String, Map)}, where {@code expired} names
   * the criteria whose documented deviation has expired in the deviation register (with the day it
   * expired): such a deviation no longer stands in for its criterion, which counts as not met
   * (red on a mandatory criterion), and the problem says why.
   */
  public static Result check(Catalogue catalogue, String requestedLevel, Map<String, ?> answers,
      Map<String, LocalDate> expired) {
    List<Finding> gaps = new ArrayList<>();
    List<Finding> notes = new ArrayList<>();
    int requested = catalogue.rank(requestedLevel);
    for (Criterion criterion : catalogue.criteria()) {
      if (catalogue.rank(criterion.level()) > requested) {
        continue;
      }
      Assessment assessment = assess(criterion, answers, expired.get(criterion.id()));
      if (assessment == null) {
        continue;
      }
      Finding finding = new Finding(criterion.id(), criterion.level(), criterion.title(), assessment.problem(),
          assessment.deviation());
      if (assessment.blocking()) {
        gaps.add(finding);
      } else {
        notes.add(finding);
      }
    }
    return new Result(catalogue.reference(), requestedLevel, gaps, notes, indicativeLevel(catalogue, requested, gaps));
  }

  private record Assessment(boolean blocking, String problem, String deviation) {

    Assessment(boolean blocking, String problem) {
      this(blocking, problem, null);
    }
  }

  private static Assessment assess(Criterion c, Map<String, ?> answers, LocalDate expiredOn) {
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
    Object documented = c.deviationAllowed() ? answers.get(c.deviationVariable()) : null;
    String deviation = documented == null || documented.toString().isBlank() ? null : documented.toString().trim();
    if (deviation != null && expiredOn != null) {
      String why = "den dokumenterede afvigelse udløb " + DANISH.format(expiredOn)
          + " og står ikke længere i stedet for kriteriet (tæller rød): " + deviation;
      return new Assessment(c.mandatory(), c.mandatory() ? why : "anbefaling besvaret '" + answer.label() + "'; " + why);
    }
    if (!c.mandatory()) {
      return deviation == null
          ? new Assessment(false, "anbefaling besvaret '" + answer.label() + "'")
          : new Assessment(false, "anbefaling besvaret '" + answer.label() + "' med dokumenteret afvigelse: "
              + deviation, deviation);
    }
    if (!c.deviationAllowed()) {
      return new Assessment(true, answer == Answer.NEJ
          ? "obligatorisk kriterium besvaret 'Nej', og kriteriet kan ikke fraviges"
          : "besvaret '" + answer.label() + "', og kriteriet kan ikke fraviges");
    }
    if (deviation == null) {
      return new Assessment(true, answer == Answer.NEJ
          ? "obligatorisk kriterium besvaret 'Nej' uden dokumenteret afvigelse"
          : "besvaret '" + answer.label() + "' uden dokumenteret afvigelse");
    }
    return new Assessment(false, "besvaret '" + answer.label() + "' med dokumenteret afvigelse (tæller gul): "
        + deviation, deviation);
  }

  private static String indicativeLevel(Catalogue catalogue, int requested, List<Finding> gaps) {
    String indicative = null;
    for (Catalogue.Level level : catalogue.levels()) {
      int rank = catalogue.rank(level.id());
      if (rank > requested) {
        break;
      }
      boolean blocked = gaps.stream().anyMatch(g -> catalogue.rank(g.level()) <= rank);
      if (blocked) {
        break;
      }
      indicative = level.id();
    }
    return indicative;
  }
}
