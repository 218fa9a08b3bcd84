package dk.os2.governance.portfolio;

import dk.os2.governance.integrity.SystemWrites;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Why work came back: who sent it back, when, and their comment, as process variables that the
 * receiving task's form shows (read-only text). Left when a body returns work (the deciding task's
 * return outcome, {@link TaskDecision}) or when an automated check sends an application back;
 * cleared by the next decision that moves the work on, so a form never shows an answered return as
 * news. The full record stays in {@code governance_decision}. Only the system writes these
 * variables (integrity's computed variables): a submission cannot change what a body said.
 */
public final class ReturnNote {

  /** "Forretningsledelsen (sekretariatet) – Sanne Sekretær (sekretariat)". */
  public static final String RETURNED_BY = "returnedBy";
  /** "29-11-2026 kl. 12:05", Danish time. */
  public static final String RETURNED_AT = "returnedAt";
  /** The returning body's comment: what to fix. */
  public static final String RETURN_COMMENT = "returnComment";

  static final List<String> VARIABLES = List.of(RETURNED_BY, RETURNED_AT, RETURN_COMMENT);

  private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd-MM-yyyy 'kl.' HH:mm")
      .withZone(ZoneId.of("Europe/Copenhagen"));

  private ReturnNote() {}

  /** Leaves the note on the process: who returned the work, now, and why. */
  public static void leave(VariableScope process, String returnedBy, String comment) {
    SystemWrites.run(() -> {
      process.setVariable(RETURNED_BY, returnedBy);
      process.setVariable(RETURNED_AT, DANISH.format(Instant.now()));
      process.setVariable(RETURN_COMMENT, comment == null || comment.isBlank() ? "(ingen kommentar)" : comment);
    });
  }

  /** The work moved on: the note is no longer news. */
  public static void clear(VariableScope process) {
    SystemWrites.run(() -> VARIABLES.forEach(name -> {
      if (process.hasVariable(name)) {
        process.removeVariable(name);
      }
    }));
  }
}
