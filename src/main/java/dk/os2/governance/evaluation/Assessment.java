package dk.os2.governance.evaluation;

/** A reviewer's light and rationale for one criterion, with the product's own answer beside it. */
public record Assessment(String criterionId, Light light, String rationale, String selfAnswer,
    String selfDocumentation) {}
