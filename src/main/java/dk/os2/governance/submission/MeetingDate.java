package dk.os2.governance.submission;

import dk.os2.governance.process.ProcessClock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in the forms: entered and shown the Danish way, {@code dd-mm-åååå} (also {@code dd.mm.åååå}),
 * parsed on the server and stored unambiguously as ISO {@code åååå-mm-dd}; and the board meeting
 * date's rule (a real date, not after today by the engine's clock).
 *
 * <p>Day first is the only order read from a Danish form. ISO dates ({@code 2026-11-03}, year first,
 * as API clients and stored values write them) are read too: they cannot be mistaken. A date with
 * slashes ({@code 11/03/2026}, the English picker's {@code mm/dd/yyyy}) can be read two ways and is
 * refused, and so is a day that does not exist ({@code 31-02-2026}).
 */
public final class MeetingDate {

  /** How a date is shown to users. */
  public static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([-.])(\\d{1,2})\\2(\\d{4})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(T[0-9:.]*(Z|[+-][0-9:]+)?)?");
  private static final String EXAMPLE = "dd-mm-åååå, fx 03-11-2026";

  private MeetingDate() {}

  /** The board meeting date's problems, in Danish: a real date, written unambiguously, not in the future. */
  public static List<String> problems(String text) {
    String label = "Bestyrelsesmødets dato";
    if (text == null || text.isBlank()) {
      return List.of(label + " skal udfyldes som " + EXAMPLE + ".");
    }
    List<String> format = formatProblems(label, text);
    if (!format.isEmpty()) {
      return format;
    }
    return parse(text).isAfter(ProcessClock.today())
        ? List.of(label + " kan ikke ligge i fremtiden (" + danish(parse(text)) + ").") : List.of();
  }

  /** Why a non-empty text is not a date the application reads, in Danish; empty when it is one. */
  public static List<String> formatProblems(String label, String text) {
    String t = text.trim();
    if (t.contains("/")) {
      return List.of(label + " skal skrives dag-måned-år som " + EXAMPLE + ". En dato med skråstreg som '" + t
          + "' kan læses på to måder (dag/måned eller måned/dag) og modtages ikke.");
    }
    Matcher day = DAY_FIRST.matcher(t);
    Matcher iso = ISO.matcher(t);
    if (!day.matches() && !iso.matches()) {
      return List.of(label + " skal være en dato som " + EXAMPLE + " (ikke '" + t + "').");
    }
    if (parse(t) == null) {
      return List.of(label + ": datoen '" + t + "' findes ikke. Skriv en gyldig dato som " + EXAMPLE + ".");
    }
    return List.of();
  }

  /**
   * A form's date ("03-11-2026", "3.11.2026", or ISO "2026-11-03", also with a time), or null when
   * empty, ambiguous or not a real date.
   */
  public static LocalDate parse(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    try {
      Matcher day = DAY_FIRST.matcher(text);
      if (day.matches()) {
        return LocalDate.of(Integer.parseInt(day.group(4)), Integer.parseInt(day.group(3)),
            Integer.parseInt(day.group(1)));
      }
      Matcher iso = ISO.matcher(text);
      if (iso.matches()) {
        return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3)));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  /** A date as users read it: {@code dd-mm-åååå}; null stays null. */
  public static String danish(LocalDate date) {
    return date == null ? null : DANISH.format(date);
  }
}
