package dk.os2.governance.portfolio;

import java.time.LocalDate;

/**
 * A product's level or status changed in the portfolio: a proposal approved at a level or
 * rejected, a level change approved, a product retired, or a product entered from an imported
 * evaluation report. Published synchronously, inside the transaction that changes the product: a
 * listener's writes (an annual cycle started or stopped) commit or roll back with the change.
 *
 * @param productId the product
 * @param productName its name
 * @param previousLevel the level before, {@code null} when it had none
 * @param previousStatus the status before, {@code null} when the product has just entered the portfolio
 * @param level the level now, {@code null} when it has none (a proposal, a retired product, the sandbox)
 * @param status the status now
 * @param since the date the level holds from, {@code null} when unknown (an imported report)
 * @param processInstanceId the process whose decision changed it, {@code null} when none did
 */
public record LevelChanged(String productId, String productName, String previousLevel,
    ProductStatus previousStatus, String level, ProductStatus status, LocalDate since, String processInstanceId) {

  /** Whether the product is now active at the level and was not before. */
  public boolean reached(String aLevel) {
    return status == ProductStatus.ACTIVE && aLevel.equals(level) && !wasActiveAt(aLevel);
  }

  /** Whether the product was active at the level and no longer is (another level, or out of the portfolio). */
  public boolean left(String aLevel) {
    return wasActiveAt(aLevel) && !(status == ProductStatus.ACTIVE && aLevel.equals(level));
  }

  /** Whether an active product has left the active portfolio (retired). */
  public boolean leftPortfolio() {
    return previousStatus == ProductStatus.ACTIVE && status != ProductStatus.ACTIVE;
  }

  private boolean wasActiveAt(String aLevel) {
    return previousStatus == ProductStatus.ACTIVE && aLevel.equals(previousLevel);
  }
}
