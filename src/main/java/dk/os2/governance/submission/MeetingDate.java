package dk.os2.governance.submission;

import dk.os2.governance.process.ProcessClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Dates in the forms: parsing them, and the board meeting date's rule (a real date, not after
 * today by the engine's clock).
 */
public final class MeetingDate {

  private MeetingDate() {}

  public static List<String> problems(String text) {
    LocalDate meeting = parse(text);
    if (meeting == null) {
      return List.of("Bestyrelsesmødets dato skal være en dato som ÅÅÅÅ-MM-DD.");
    }
    return meeting.isAfter(ProcessClock.today()) ? List.of("Bestyrelsesmødets dato kan ikke ligge i fremtiden.") : List.of();
  }

  /** A form's date ("2026-11-20", or with a time), or null when empty or not a date. */
  public static LocalDate parse(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
