package dk.os2.governance.deviation;

import dk.os2.governance.submission.MeetingDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The deviations as CSV for spreadsheets set up the Danish way: {@code ;}, UTF-8 with BOM, Danish headers. */
final class DeviationCsv {

  static final List<String> HEADERS = List.of("Produkt", "Kriterium", "Kriteriets titel", "Begrundelse", "Ejer",
      "Udløber", "Status", "Oprettet", "Lukket");

  private DeviationCsv() {}

  static String write(List<Deviation> deviations) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(line(HEADERS.stream()));
    for (Deviation d : deviations) {
      csv.append(line(Stream.of(d.productName(), d.criterionId(), d.criterionTitle(), d.reason(), d.ownerName(),
          MeetingDate.danish(d.expiresOn()), d.stateName(), MeetingDate.danish(d.createdOn()),
          MeetingDate.danish(d.closedOn()))));
    }
    return csv.toString();
  }

  private static String line(Stream<String> cells) {
    return cells.map(DeviationCsv::cell).collect(Collectors.joining(";")) + "\r\n";
  }

  /** A cell is quoted when it holds the separator, a quote or a line break (RFC 4180). */
  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    return value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
