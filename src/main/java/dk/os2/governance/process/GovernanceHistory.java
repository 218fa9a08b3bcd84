package dk.os2.governance.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The history governance needs, written by the engine's own database handler with three kinds of
 * rows left out (README "Lean lifecycle" says why): the form-field rows a form submission writes
 * ({@code ACT_HI_DETAIL} of type FormProperty), the per-update value rows of variables
 * ({@code ACT_HI_DETAIL} of type VariableUpdate; the variable's latest value stays in
 * {@code ACT_HI_VARINST}) and the job executor's log ({@code ACT_HI_JOB_LOG}; a failing job keeps
 * its exception and incident). Activities, tasks, variable instances, identity links, incidents
 * and the user operation log are written as at history level full, and every history event still
 * reaches the other handlers (the integrity guard sees every variable update). A task's own
 * variables that only copy the process's data for display ({@link DisplayCopies}, the Tasklist
 * card's product and level) have no history rows either: the originals do.
 */
@Component
class GovernanceHistory extends AbstractProcessEnginePlugin {

  private final Set<String> displayCopies = new HashSet<>();

  GovernanceHistory(List<DisplayCopies> copies) {
    copies.forEach(c -> displayCopies.addAll(c.taskVariables()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    if (config.getCustomHistoryEventHandlers() == null) {
      config.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    // Last, as the engine places its own database handler: the other handlers see an event first.
    config.setEnableDefaultDbHistoryEventHandler(false);
    config.getCustomHistoryEventHandlers().add(new Writer(Set.copyOf(displayCopies)));
  }

  /** The engine's database history handler, without the rows governance does not need. */
  static final class Writer extends DbHistoryEventHandler {

    private final Set<String> displayCopies;

    Writer(Set<String> displayCopies) {
      this.displayCopies = displayCopies;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricFormPropertyEventEntity
          || event instanceof HistoricJobLogEvent
          || (event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
              && displayCopies.contains(variable.getVariableName()))) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
