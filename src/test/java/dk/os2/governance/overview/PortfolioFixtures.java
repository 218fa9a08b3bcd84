package dk.os2.governance.overview;

import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Products for the portfolio list's tests, made through the portfolio's own API, each named with a
 * prefix unique to the test so that the filters find them among everything else in the shared
 * database.
 */
public final class PortfolioFixtures {

  private PortfolioFixtures() {}

  /** A prefix no other product carries. */
  public static String prefix(String word) {
    return word + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  /** A proposed product, used in the given municipalities (one a line). */
  public static String proposed(Portfolio portfolio, String name, String municipalities) {
    return portfolio.registerProposal(new Portfolio.Proposal(name, "Formål", "Behov", "Aarhus Kommune",
        "Karen Kommune", "karen@aarhus.dk", municipalities, "Magenta", "MPL-2.0", "https://github.com/OS2/x", "N1",
        "kommune", null));
  }

  /** An active product at a level since the given day, used in the given municipalities. */
  public static String active(Portfolio portfolio, String name, String level, LocalDate since, String municipalities) {
    String id = proposed(portfolio, name, municipalities);
    portfolio.approve(id, level, since);
    return id;
  }
}
