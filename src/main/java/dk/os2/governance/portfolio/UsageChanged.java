package dk.os2.governance.portfolio;

/**
 * What the portfolio records about a product's use changed: the municipalities using it, the
 * declared code version, or the accepted handover to operations. Published synchronously, in the
 * transaction of the change; the levels module recomputes the product's open gaps on it.
 *
 * @param productId the product
 */
public record UsageChanged(String productId) {}
