package dk.os2.governance.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A calendar invitation in iCalendar (RFC 5545): one VEVENT, times in UTC (no VTIMEZONE needed),
 * text values escaped (section 3.3.11), lines ended by CRLF and folded at 75 octets without
 * splitting a UTF-8 character (section 3.1). Written here rather than with ical4j, which is a
 * larger dependency tree than one event needs.
 */
final class Ics {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** What the event says. */
  record Event(String uid, Instant stamp, Instant start, Instant end, String summary, String location,
      String description, String url) {}

  private Ics() {}

  static String write(Event event) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//OS2//OS2 governance//DA");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + text(event.uid()));
    line(out, "DTSTAMP:" + UTC.format(event.stamp()));
    line(out, "DTSTART:" + UTC.format(event.start()));
    line(out, "DTEND:" + UTC.format(event.end()));
    line(out, "SUMMARY:" + text(event.summary()));
    if (event.location() != null && !event.location().isBlank()) {
      line(out, "LOCATION:" + text(event.location()));
    }
    if (event.description() != null && !event.description().isBlank()) {
      line(out, "DESCRIPTION:" + text(event.description()));
    }
    if (event.url() != null && !event.url().isBlank()) {
      line(out, "URL:" + event.url().replaceAll("[\\r\\n]", ""));
    }
    line(out, "END:VEVENT");
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /** Appends a content line, folded so that no physical line exceeds 75 octets. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
  }
}
