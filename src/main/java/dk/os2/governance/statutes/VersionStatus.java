package dk.os2.governance.statutes;

/** Where a version of a statutes document stands; shown by its label {@code statutes.status.*}. */
enum VersionStatus {
  /** Drafted by the secretariat; the change is running. */
  DRAFT,
  /** Adopted by the general assembly and published: the highest adopted version is in force. */
  ADOPTED,
  /** Put to the general assembly and not adopted (quorum not met, or the vote did not carry). */
  NOT_ADOPTED,
  /** The board recommended against it; the general assembly was not asked. */
  REJECTED,
  /** Withdrawn by the secretariat after the board returned it. */
  WITHDRAWN
}
