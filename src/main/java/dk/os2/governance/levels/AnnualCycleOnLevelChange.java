package dk.os2.governance.levels;

import dk.os2.governance.portfolio.LevelChanged;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.ProductStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every active product is evaluated in a cycle: a product that becomes active, by any road (a
 * proposal approved, an imported report, a level change of a product without one), gets its cycle;
 * one that leaves the portfolio loses it, and with it its next evaluation (its last one stays). A
 * level change between active levels keeps the one cycle: its next round follows the new level's
 * period. Listens synchronously, so the cycle starts or stops in the transaction that changes the
 * product.
 */
@Component
class AnnualCycleOnLevelChange {

  private final LevelChanges levelChanges;
  private final Portfolio portfolio;

  AnnualCycleOnLevelChange(LevelChanges levelChanges, Portfolio portfolio) {
    this.levelChanges = levelChanges;
    this.portfolio = portfolio;
  }

  @EventListener
  void levelChanged(LevelChanged change) {
    String productId = change.productId();
    if (change.status() == ProductStatus.ACTIVE) {
      // A cycle already running carries on; no second one starts.
      LevelChanges.CycleStart cycle = levelChanges.annualCycle(productId, false);
      if (!cycle.started() && change.previousStatus() == ProductStatus.ACTIVE
          && !java.util.Objects.equals(change.previousLevel(), change.level())) {
        levelChanges.cycleFollowsLevel(productId, cycle.processInstanceId());
      }
    } else if (change.leftPortfolio()) {
      levelChanges.stopAnnualCycles(productId, change.processInstanceId(), "Produktet er udfaset");
      portfolio.evaluationCycle(productId, null, null);
    }
  }
}
