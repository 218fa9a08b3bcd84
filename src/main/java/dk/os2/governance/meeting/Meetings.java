package dk.os2.governance.meeting;

import dk.os2.governance.identity.Body;
import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.submission.MeetingDate;
import dk.os2.governance.submission.SubmissionValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a planned meeting must be, and how people read one. */
final class Meetings {

  static final String PLAN_FORM = "meeting-plan";
  static final List<String> BODIES = List.of(Body.BESTYRELSE.groupId(), Body.GENERALFORSAMLING.groupId());
  private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])");

  private Meetings() {}

  /** The plan's problems, in Danish: body, a real date today or later, a time, a place or link. */
  static List<String> planProblems(String body, String date, String time, String place) {
    List<String> problems = new ArrayList<>();
    if (body == null || !BODIES.contains(body)) {
      problems.add("«Mødet holdes af» skal være bestyrelsen eller generalforsamlingen.");
    }
    String dateLabel = "«Mødedato (dd-mm-åååå)»";
    if (date == null || date.isBlank()) {
      problems.add(dateLabel + " skal udfyldes som dd-mm-åååå, fx 03-11-2026.");
    } else {
      List<String> format = MeetingDate.formatProblems(dateLabel, date);
      problems.addAll(format);
      if (format.isEmpty() && MeetingDate.parse(date).isBefore(ProcessClock.today())) {
        problems.add(dateLabel + " kan ikke ligge før i dag (" + MeetingDate.danish(MeetingDate.parse(date)) + ").");
      }
    }
    if (time == null || !TIME.matcher(time.trim()).matches()) {
      problems.add("«Klokkeslæt (tt:mm)» skal skrives som tt:mm, fx 17:00"
          + (time == null || time.isBlank() ? "." : " (ikke '" + time.trim() + "')."));
    }
    if (place == null || place.isBlank()) {
      problems.add("«Sted eller link» skal udfyldes: mødelokalet eller linket til onlinemødet.");
    } else if (place.length() > 500 || SubmissionValidator.isUnsafeText(place)) {
      problems.add("«Sted eller link» må højst være 500 tegn og ikke indeholde kode.");
    }
    return problems;
  }

  /** A time as stored: hh:mm. */
  static String time(String typed) {
    Matcher m = TIME.matcher(typed.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(typed);
    }
    return String.format("%02d:%s", Integer.parseInt(m.group(1)), m.group(2));
  }

  static String bodyMeeting(String body) {
    return Body.GENERALFORSAMLING.groupId().equals(body) ? "Generalforsamling" : "Bestyrelsesmøde";
  }

  /** "Bestyrelsesmøde 05-12-2026 kl. 17:00". */
  static String title(MeetingStore.Meeting meeting) {
    return bodyMeeting(meeting.body()) + " " + MeetingDate.danish(meeting.meetingDate()) + " kl. "
        + meeting.meetingTime();
  }
}
