package dk.os2.governance.reporting;

import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Products with unique names (no hyphen, so a PDF never breaks them) and board decisions on given days. */
public final class ReportFixtures {

  private ReportFixtures() {}

  public static String uniqueName(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** An active product at the level since the day. */
  public static String product(Portfolio portfolio, String name, String level, LocalDate since) {
    String id = portfolio.registerProposal(new Portfolio.Proposal(name, "Formål", "Behov", "Aarhus Kommune",
        "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0", "https://github.com/OS2/x",
        level, "kommune", null));
    portfolio.approve(id, level, since);
    return id;
  }

  /** The board's decision at a meeting on the day. */
  public static void boardDecision(Portfolio portfolio, String productId, String outcome, String level,
      String rationale, String justification, LocalDate meeting) {
    portfolio.record(new Decision(null, productId, null, "UserTask_BoardDecision", "bestyrelse", "bestyrelse", outcome,
        level, rationale, justification, meeting, "Referat " + meeting, null, null,
        meeting.atTime(15, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant()));
  }
}
