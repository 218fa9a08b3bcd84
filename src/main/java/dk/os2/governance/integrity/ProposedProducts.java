package dk.os2.governance.integrity;

import java.util.Optional;

/**
 * A proposal's identity is its product row, in the portfolio's table. The portfolio module builds
 * on this one (it records decisions through it), so it answers through this interface and this
 * module reads no table of the portfolio's.
 */
public interface ProposedProducts {

  /** The product a proposal registered and who proposed it. */
  record ProposedProduct(String productId, String proposedBy) {}

  /** The product registered by the proposal with this process instance id. */
  Optional<ProposedProduct> proposedIn(String processInstanceId);
}
