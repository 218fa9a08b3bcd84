package dk.os2.governance.criteria;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes the shipped catalogue at startup, once per version: first of the start-up runners, as
 * the demo data's proposals and every check read it.
 */
@Component
@Order(0)
class ShippedCatalogue implements ApplicationRunner {

  private final Catalogue catalogue;
  private final CatalogueStore store;

  ShippedCatalogue(Catalogue catalogue, CatalogueStore store) {
    this.catalogue = catalogue;
    this.store = store;
  }

  @Override
  public void run(ApplicationArguments args) {
    store.publishShipped(catalogue);
  }
}
