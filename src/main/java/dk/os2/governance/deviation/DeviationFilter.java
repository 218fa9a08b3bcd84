package dk.os2.governance.deviation;

import dk.os2.governance.process.ProcessClock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the portfolio page, its CSV and {@code GET /api/deviations} filter by, as the page's query
 * parameters name it: {@code produkt} (a product id), {@code kriterium} (a criterion id),
 * {@code ejer} (an owner id), {@code tilstand} ({@code aabne}, the default: open and expired;
 * {@code udloebne}; {@code lukkede}; {@code alle}) and {@code dage} (open, expiring within that many
 * days from today).
 */
record DeviationFilter(String produkt, String kriterium, String ejer, String tilstand, String dage) {

  static final List<String> STATES = List.of("aabne", "udloebne", "lukkede", "alle");

  String state() {
    return blank(tilstand) ? "aabne" : tilstand.trim();
  }

  /** The filter as a predicate; an unknown state or a bad number of days is a Danish 400. */
  Predicate<Deviation> predicate() {
    String state = state();
    if (!STATES.contains(state)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "Ukendt tilstand '" + state + "'. Vælg åbne, udløbne, lukkede eller alle.");
    }
    Integer days = null;
    if (!blank(dage)) {
      try {
        days = Integer.parseInt(dage.trim());
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 0 || days > 3650) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "Antal dage skal være et helt tal mellem 0 og 3650 (ikke '" + dage.trim() + "').");
      }
    }
    LocalDate today = ProcessClock.today();
    LocalDate horizon = days == null ? null : today.plusDays(days);
    return d -> (blank(produkt) || d.productId().equals(produkt.trim()))
        && (blank(kriterium) || d.criterionId().equalsIgnoreCase(kriterium.trim()))
        && (blank(ejer) || d.ownerId().equalsIgnoreCase(ejer.trim()))
        && switch (state) {
          case "aabne" -> d.state() != Deviation.State.CLOSED;
          case "udloebne" -> d.state() == Deviation.State.EXPIRED;
          case "lukkede" -> d.state() == Deviation.State.CLOSED;
          default -> true;
        }
        && (horizon == null || d.state() == Deviation.State.OPEN && !d.expiresOn().isAfter(horizon));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
