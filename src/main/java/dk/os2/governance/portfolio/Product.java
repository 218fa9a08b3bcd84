package dk.os2.governance.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A product as the portfolio records it, with the municipalities where it is used (in order). */
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
    List<String> municipalities,
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
