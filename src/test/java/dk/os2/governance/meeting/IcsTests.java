package dk.os2.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The calendar invitation follows RFC 5545: escaped text, CRLF lines folded at 75 octets, UTC times. */
class IcsTests {

  @Test
  void anInvitationIsAValidCalendarThatCalendarsRead() {
    String ics = Ics.write(new Ics.Event("m1@os2-governance", Instant.parse("2026-11-29T10:00:00Z"),
        Instant.parse("2026-12-05T16:00:00Z"), Instant.parse("2026-12-05T19:00:00Z"),
        "Bestyrelsesmøde 05-12-2026 kl. 17:00", "Mødelokale 1, Kommunernes Hus; 2. sal",
        "Dagsorden:\n- Beslut om forslaget: OS2mødebooking\n- Fast punkt: OS2borgerforslag (N3), som står på "
            + "hver dagsorden med en meget lang linje, der skal foldes ædelt æøå æøå æøå æøå",
        "https://governance.os2.eu/app/moeder/m1"));

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
    assertThat(ics).contains("\r\nDTSTART:20261205T160000Z\r\n").contains("\r\nDTEND:20261205T190000Z\r\n")
        .contains("\r\nUID:m1@os2-governance\r\n")
        .contains("\r\nLOCATION:Mødelokale 1\\, Kommunernes Hus\\; 2. sal\r\n");
    assertThat(ics.replace("\n", "").replace("\r", "")).doesNotContain("\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    // Unfolded (CRLF followed by a space removed), the description is the text with escaped line breaks.
    String unfolded = ics.replace("\r\n ", "");
    assertThat(unfolded).contains("DESCRIPTION:Dagsorden:\\n- Beslut om forslaget: OS2mødebooking\\n- Fast punkt: "
        + "OS2borgerforslag (N3)\\, som står på hver dagsorden med en meget lang linje\\, der skal foldes ædelt æøå");
    assertThat(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(ics);
  }

  @Test
  void foldingNeverSplitsACharacter() {
    StringBuilder out = new StringBuilder();
    Ics.line(out, "SUMMARY:" + "æ".repeat(100));
    for (String line : out.toString().split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
      assertThat(line.replace(" ", "").replace("SUMMARY:", "")).matches("æ*");
    }
    assertThat(out.toString().replace("\r\n ", "")).isEqualTo("SUMMARY:" + "æ".repeat(100) + "\r\n");
  }
}
