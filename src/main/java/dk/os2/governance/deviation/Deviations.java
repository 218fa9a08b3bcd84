package dk.os2.governance.deviation;

import java.util.List;

/** A product's deviations, for its page and {@code GET /api/products/{id}/deviations}. */
public interface Deviations {

  /** Every deviation of the product, open ones first, each by expiry date. */
  List<Deviation> forProduct(String productId);
}
