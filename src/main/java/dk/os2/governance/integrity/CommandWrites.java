package dk.os2.governance.integrity;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Which process variables the current engine command has written (from the same history events the
 * {@link IdentityGuard} sees). A task's decision listener uses it to tell an outcome that the
 * completing submission carried from one left behind by an earlier round or written by someone else.
 */
public final class CommandWrites {

  private static final Map<CommandContext, Set<String>> WRITES = Collections.synchronizedMap(new WeakHashMap<>());

  private CommandWrites() {}

  static void written(String processInstanceId, String variableName) {
    CommandContext command = Context.getCommandContext();
    if (command != null && processInstanceId != null) {
      WRITES.computeIfAbsent(command, c -> Collections.synchronizedSet(new HashSet<>()))
          .add(processInstanceId + "/" + variableName);
    }
  }

  /** Whether the current command (e.g. the task completion under way) wrote this variable of the process. */
  public static boolean wroteInThisCommand(String processInstanceId, String variableName) {
    CommandContext command = Context.getCommandContext();
    Set<String> names = command == null ? null : WRITES.get(command);
    return names != null && names.contains(processInstanceId + "/" + variableName);
  }
}
