package dk.os2.governance.portfolio;

/** Where a product stands in OS2's portfolio. */
public enum ProductStatus {
  /** Proposed and under consideration. */
  PROPOSED,
  /** Approved by the board and in the portfolio at a level. */
  ACTIVE,
  /** The board rejected the proposal; kept with its decision. */
  REJECTED,
  /** Left the active portfolio; its history stays. */
  RETIRED
}
