package dk.os2.governance.portfolio;

import java.time.Instant;
import java.time.LocalDate;

/** A product as the portfolio records it. */
public record Product(
    String id,
    String name,
    String level,
    ProductStatus status,
    String purpose,
    String need,
    String proposingMunicipality,
    String contactName,
    String contactEmail,
    String participatingMunicipalities,
    String suppliers,
    String licence,
    String repositoryUrl,
    String requestedLevel,
    String proposedBy,
    String proposalProcessId,
    LocalDate levelSince,
    Instant createdAt,
    Instant updatedAt,
    boolean singleCodeVersion,
    LocalDate handoverAcceptedOn,
    LocalDate lastEvaluation,
    LocalDate nextEvaluation) {}
