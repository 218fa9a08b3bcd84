package dk.os2.governance.integrity;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;

/**
 * Refuses, inside the engine, every write of a protected process variable that the system did not
 * make itself, whatever API made it (task completion, form submission, variable endpoints, start
 * instructions, modification). With history level full every variable write produces a history
 * event in the same command, so throwing here rolls the whole command back: nothing changes.
 *
 * <p>An update that writes back exactly the value the variable already has (a client re-sending a
 * form's displayed values) changes nothing and passes; any other update or a deletion is refused,
 * and so is a variable of the same name on a task or a child execution, which would shadow it.
 */
class IdentityGuard implements HistoryEventHandler {

  static final String REFUSAL = "Variablen '%s' er en del af processens identitet eller et resultat af "
      + "systemets kontrol og kan ikke ændres af en indsendelse.";

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity variable)) {
      return;
    }
    CommandWrites.written(variable.getProcessInstanceId(), variable.getVariableName());
    if (SystemWrites.active()) {
      return;
    }
    ProtectedVariables.Kind kind = ProtectedVariables.of(variable.getProcessDefinitionKey(), variable.getVariableName());
    if (kind == null) {
      return;
    }
    String type = variable.getEventType();
    boolean create = HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(type);
    boolean change = (HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName().equals(type) && !unchanged(variable))
        || HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName().equals(type);
    boolean onProcessInstance = variable.getTaskId() == null
        && Objects.equals(variable.getExecutionId(), variable.getProcessInstanceId());
    boolean refused = change
        || (create && (kind == ProtectedVariables.Kind.COMPUTED || !onProcessInstance));
    if (refused) {
      throw new ProcessEngineException(REFUSAL.formatted(variable.getVariableName()));
    }
  }

  /** Whether the update writes the value the variable had (this handler runs before the history is written). */
  private static boolean unchanged(HistoricVariableUpdateEventEntity update) {
    CommandContext command = Context.getCommandContext();
    if (command == null || update.getVariableInstanceId() == null) {
      return false;
    }
    HistoricVariableInstanceEntity previous = command.getDbEntityManager()
        .selectById(HistoricVariableInstanceEntity.class, update.getVariableInstanceId());
    return previous != null
        && previous.getByteArrayId() == null && update.getByteValue() == null
        && Objects.equals(previous.getSerializerName(), update.getSerializerName())
        && Objects.equals(previous.getTextValue(), update.getTextValue())
        && Objects.equals(previous.getTextValue2(), update.getTextValue2())
        && Objects.equals(previous.getLongValue(), update.getLongValue())
        && Objects.equals(previous.getDoubleValue(), update.getDoubleValue());
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
