package dk.os2.governance.criteria;

/**
 * A catalogue version was stored as published ({@link CatalogueStore}): the shipped catalogue at
 * start-up, an administrator's first import, a version registered from an imported report, or a
 * criteria change approved by the board. Published synchronously, in the transaction that stored
 * the version, after the row was written.
 */
public record CataloguePublished(String id, String version) {}
