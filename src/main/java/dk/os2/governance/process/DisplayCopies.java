package dk.os2.governance.process;

import java.util.Set;

/**
 * Task variables that only copy a process's data for display, such as the product and level on a
 * Tasklist card: they live while their task lives and are kept out of the history, which holds the
 * originals. A bean of any module may name such variables; {@link GovernanceHistory} writes no
 * history for a task's own variable of one of these names.
 */
public interface DisplayCopies {

  /** The names of the task variables that are display copies. */
  Set<String> taskVariables();
}
