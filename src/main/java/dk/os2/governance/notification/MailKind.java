package dk.os2.governance.notification;

/** Why a mail is sent. */
public enum MailKind {
  /** A new user task: to its assignee, or else to its candidate groups' members. */
  TASK_CREATED,
  /** A task is still open shortly before its due date: the same people. */
  REMINDER,
  /** A task is past its due date: to the secretariat. */
  ESCALATION,
  /** A decision about a product: to its proposer. */
  OUTCOME,
  /** A deviation from a criterion expires soon: to its owner and the secretariat. */
  DEVIATION_REMINDER,
  /** A meeting's agenda, with a calendar invitation: to every member of the meeting's body, once. */
  MEETING_AGENDA,
  /**
   * A final decision on a rule change (criteria, statutes, licence terms): to its proposer and the
   * bodies that recommended it.
   */
  RULE_OUTCOME;

  /**
   * Whether the mail is composed only when it is sent (a task's mails): it is queued without facts
   * or recipients, and has either only once it has been rendered.
   */
  boolean composedWhenSent() {
    return this == TASK_CREATED || this == REMINDER || this == ESCALATION;
  }
}
