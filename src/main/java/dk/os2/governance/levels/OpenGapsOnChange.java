package dk.os2.governance.levels;

import dk.os2.governance.portfolio.LevelChanged;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.UsageChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's open gaps for the next level up (stored in the portfolio, which filters on
 * them) in step with what they are computed from: its level and status ({@link LevelChanged}), its
 * use, code version and handover ({@link UsageChanged}); its groups' members are handled by
 * {@link ProductGroups} itself. Listens synchronously, so the count commits with the change. At
 * start-up it computes the count of active products that have none yet (after the migration that
 * added it). A change of the board's members in Camunda Admin is not seen here: the count of N2
 * products is refreshed the next time one of the above changes.
 */
@Component
class OpenGapsOnChange {

  private static final Logger log = LoggerFactory.getLogger(OpenGapsOnChange.class);

  private final ProductGroups groups;
  private final Portfolio portfolio;

  OpenGapsOnChange(ProductGroups groups, Portfolio portfolio) {
    this.groups = groups;
    this.portfolio = portfolio;
  }

  @EventListener
  void levelChanged(LevelChanged change) {
    groups.refreshOpenGaps(change.productId());
  }

  @EventListener
  void usageChanged(UsageChanged change) {
    groups.refreshOpenGaps(change.productId());
  }

  @EventListener(ApplicationReadyEvent.class)
  void backfill() {
    var products = portfolio.productsWithoutOpenGaps();
    products.forEach(groups::refreshOpenGaps);
    if (!products.isEmpty()) {
      log.info("Computed the open gaps of {} products", products.size());
    }
  }
}
