package dk.os2.governance.criteria;

/** A catalogue version was published (stored for the first time); published within its transaction. */
public record CataloguePublished(String id, String version) {}
