package dk.os2.governance.portfolio;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One decision or recommendation by a governance body about a product: who, what, why, and
 * against which catalogue version.
 */
public record Decision(
    String id,
    String productId,
    String processInstanceId,
    String taskKey,
    String body,
    String decidedBy,
    String outcome,
    String level,
    String rationale,
    String justification,
    LocalDate meetingDate,
    String minutesReference,
    String indicativeLevel,
    String catalogueReference,
    Instant decidedAt) {}
