package dk.os2.governance.notification;

/** Where a queued mail stands. */
enum MailStatus {
  /** Queued; the job executor will send it. */
  PENDING,
  /** Accepted by the SMTP server. */
  SENT,
  /** No SMTP server is configured: kept for the secretariat to read and send later. */
  HELD,
  /** Every retry failed; the secretariat sees it and may send it again. */
  FAILED,
  /** Nothing to send any more (the task was done before the mail went, or nobody has an address). */
  SKIPPED
}
