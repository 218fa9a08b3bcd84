package dk.os2.governance.levels;

import dk.os2.governance.portfolio.LevelChanged;
import dk.os2.governance.portfolio.Portfolio;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * N3 products are evaluated every year: a product that reaches N3, by any road (a proposal approved
 * there, a level change, an imported report), gets its annual cycle; one that leaves N3 or the
 * portfolio loses it, and with it its next evaluation (its last one stays). Listens synchronously,
 * so the cycle starts or stops in the transaction that changes the level.
 */
@Component
class AnnualCycleOnLevelChange {

  static final String VITAL = "N3";

  private final LevelChanges levelChanges;
  private final Portfolio portfolio;

  AnnualCycleOnLevelChange(LevelChanges levelChanges, Portfolio portfolio) {
    this.levelChanges = levelChanges;
    this.portfolio = portfolio;
  }

  @EventListener
  void levelChanged(LevelChanged change) {
    String productId = change.productId();
    if (change.reached(VITAL)) {
      // A cycle already running (an evaluation asked for at N2) carries on; no second one starts.
      levelChanges.annualCycle(productId, false);
    } else if (change.leftPortfolio() || change.left(VITAL)) {
      levelChanges.stopAnnualCycles(productId, change.processInstanceId(),
          change.leftPortfolio() ? "Produktet er udfaset" : "Produktet er ikke længere på N3");
      portfolio.evaluationCycle(productId, null, null);
    }
  }
}
