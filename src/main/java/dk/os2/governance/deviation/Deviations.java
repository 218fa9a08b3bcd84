package dk.os2.governance.deviation;

import java.time.LocalDate;
import java.util.List;

/** A product's deviations, for its page and {@code GET /api/products/{id}/deviations}. */
public interface Deviations {

  /** Every deviation of the product, open ones first, each by expiry date. */
  List<Deviation> forProduct(String productId);

  /**
   * The portfolio's open deviations whose expiry date is on or before {@code until} (those already
   * expired included), by expiry date: for the portfolio's figures and the report packs.
   */
  List<Deviation> openExpiringBy(LocalDate until);

  /** How many open deviations expire from {@code today} to {@code until}, and how many expired before {@code today}. */
  record ExpiryCounts(long expiring, long expired) {}

  /** The counts of {@link #openExpiringBy} by state, in one statement (the portfolio page's figures). */
  ExpiryCounts countOpenExpiringBy(LocalDate today, LocalDate until);
}
