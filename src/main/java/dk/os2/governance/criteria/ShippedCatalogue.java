package dk.os2.governance.criteria;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Publishes the shipped catalogue at startup, once per version. */
@Component
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
