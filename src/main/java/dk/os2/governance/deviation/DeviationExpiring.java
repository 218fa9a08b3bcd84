package dk.os2.governance.deviation;

import java.time.LocalDate;

/**
 * An open deviation expires soon (or has expired) and its owner has not been reminded of this
 * expiry date yet. Published once per deviation and expiry date, in the transaction that marks it
 * reminded; {@code notification} queues the reminder mail to the owner and the secretariat.
 */
public record DeviationExpiring(String deviationId, String productId, String productName, String criterionId,
    String criterionTitle, String reason, String ownerId, boolean ownerIsGroup, String ownerName,
    LocalDate expiresOn) {}
