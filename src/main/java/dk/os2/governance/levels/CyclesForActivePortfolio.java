package dk.os2.governance.levels;

import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * At start-up, every active product without an evaluation cycle gets one: products that were
 * active before cycles covered every level (only N3 products had one), or whose cycle was ended by
 * hand. Running cycles continue as they are. Each start claims the product's slot, so a node
 * starting beside another starts no second cycle.
 */
@Component
class CyclesForActivePortfolio {

  private static final Logger log = LoggerFactory.getLogger(CyclesForActivePortfolio.class);

  private final Portfolio portfolio;
  private final LevelChanges levelChanges;

  CyclesForActivePortfolio(Portfolio portfolio, LevelChanges levelChanges) {
    this.portfolio = portfolio;
    this.levelChanges = levelChanges;
  }

  @EventListener(ApplicationReadyEvent.class)
  void startMissingCycles() {
    int started = startMissing();
    if (started > 0) {
      log.info("Started an evaluation cycle for {} active product(s) without one", started);
    }
  }

  /** Starts a cycle for each active product without one; returns how many started. */
  int startMissing() {
    int started = 0;
    for (Product product : portfolio.products()) {
      if (product.status() != ProductStatus.ACTIVE) {
        continue;
      }
      try {
        if (levelChanges.annualCycle(product.id(), false).started()) {
          started++;
        }
      } catch (ResponseStatusException e) {
        // Another node started it at the same moment: the product has its one cycle.
        log.debug("No cycle started for {}: {}", product.id(), e.getReason());
      }
    }
    return started;
  }
}
