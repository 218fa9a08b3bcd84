package dk.os2.governance.evaluation;

/**
 * Who sits in a product's steering group. The groups are the levels module's table, and that
 * module builds on this one; it answers through this interface, so this module needs nothing of it.
 */
public interface SteeringGroups {

  /** Whether the user is a member of the product's steering group; {@code false} for no user. */
  boolean inSteeringGroup(String productId, String userId);
}
