package dk.os2.governance.statutes;

import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The general assembly's decision on a change, read from its form: the meeting date (Danish, a
 * real date, not after today), votes for, against and abstaining (whole numbers, not negative),
 * whether the quorum of the statutes was met, and the outcome, which must agree with the rule:
 * adopted exactly when the quorum was met and the vote carries ({@link DocumentKind#carries}).
 * Checked when the form is submitted (a Danish 400) and again when the task completes.
 */
final class GeneralAssemblyVote {

  static final String MEETING_DATE = "meetingDate";
  static final String VOTES_FOR = "votesFor";
  static final String VOTES_AGAINST = "votesAgainst";
  static final String VOTES_ABSTAINING = "votesAbstaining";
  static final String QUORUM_MET = "quorumMet";
  static final String OUTCOME = "assemblyDecision";
  static final String MINUTES = "minutesReference";
  static final String ADOPT = "adopt";
  static final String REJECT = "reject";

  private GeneralAssemblyVote() {}

  /** Every problem with the values, in Danish; empty when they may be recorded. */
  static List<String> problems(DocumentKind kind, Function<String, Object> values) {
    List<String> errors = new ArrayList<>();
    Object date = values.apply(MEETING_DATE);
    String label = "«Generalforsamlingens dato (dd-mm-åååå)»";
    if (date == null || date.toString().isBlank()) {
      errors.add(label + " skal udfyldes som dd-mm-åååå, fx 03-11-2026.");
    } else {
      List<String> format = MeetingDate.formatProblems(label, date.toString());
      errors.addAll(format);
      if (format.isEmpty() && MeetingDate.parse(date).isAfter(ProcessClock.today())) {
        errors.add(label + " kan ikke ligge i fremtiden (" + MeetingDate.danish(MeetingDate.parse(date)) + ").");
      }
    }
    Integer votesFor = count(values.apply(VOTES_FOR), "«Stemmer for»", errors);
    Integer against = count(values.apply(VOTES_AGAINST), "«Stemmer imod»", errors);
    count(values.apply(VOTES_ABSTAINING), "«Stemmer hverken for eller imod (blanke)»", errors);
    Object quorum = values.apply(QUORUM_MET);
    if (!(quorum instanceof Boolean)) {
      errors.add("«Generalforsamlingen var beslutningsdygtig efter vedtægterne» skal være ja eller nej.");
    }
    Object outcome = values.apply(OUTCOME);
    if (!ADOPT.equals(outcome) && !REJECT.equals(outcome)) {
      errors.add("«Generalforsamlingens afgørelse» skal være vedtaget eller ikke vedtaget.");
    }
    if (errors.isEmpty()) {
      boolean adopted = adopted(kind, votesFor, against, (Boolean) quorum);
      if (ADOPT.equals(outcome) && !adopted) {
        errors.add(Boolean.TRUE.equals(quorum)
            ? "«Generalforsamlingens afgørelse»: forslaget kan ikke være vedtaget med " + votesFor + " stemmer for og "
                + against + " imod. " + kind.danishName() + " ændres kun med " + kind.majority() + "."
            : "«Generalforsamlingens afgørelse»: forslaget kan ikke være vedtaget, når generalforsamlingen ikke var "
                + "beslutningsdygtig.");
      } else if (REJECT.equals(outcome) && adopted) {
        errors.add("«Generalforsamlingens afgørelse»: med " + votesFor + " stemmer for og " + against
            + " imod på en beslutningsdygtig generalforsamling er forslaget vedtaget (" + kind.majority() + ").");
      }
    }
    return errors;
  }

  /** Adopted exactly when the quorum was met and the votes cast carry the change. */
  static boolean adopted(DocumentKind kind, int votesFor, int votesAgainst, boolean quorumMet) {
    return quorumMet && kind.carries(votesFor, votesAgainst);
  }

  static LocalDate date(Object value) {
    return MeetingDate.parse(value);
  }

  static int number(Object value) {
    return ((Number) value).intValue();
  }

  private static Integer count(Object value, String label, List<String> errors) {
    if (value == null || value.toString().isBlank()) {
      errors.add(label + " skal udfyldes (et helt tal, 0 eller mere).");
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long || value instanceof Short)
        && !(value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))) {
      errors.add(label + " skal være et helt tal (ikke '" + value + "').");
      return null;
    }
    double n = ((Number) value).doubleValue();
    if (n < 0) {
      errors.add(label + " kan ikke være negativt (" + value + ").");
      return null;
    }
    if (n > 1_000_000) {
      errors.add(label + " er urimeligt stort (" + value + ").");
      return null;
    }
    return (int) n;
  }
}
