package dk.os2.governance.notification;

import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Work on the engine's entities inside an engine command: the running one (a task listener's, a
 * sending job's), whose transaction and entity cache it shares, or else a new one.
 */
final class InCommand {

  private InCommand() {}

  static <T> T run(ProcessEngine engine, Function<CommandContext, T> work) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return work.apply(current);
    }
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return config.getCommandExecutorTxRequired().execute(work::apply);
  }
}
