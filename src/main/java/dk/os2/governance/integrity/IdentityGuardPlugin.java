package dk.os2.governance.integrity;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link IdentityGuard} to the engine's history event handlers, next to the database one,
 * and refuses to start an engine whose history level would not tell the guard about variable
 * updates (the guard would then see nothing).
 */
@Component
class IdentityGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    if (config.getCustomHistoryEventHandlers() == null) {
      config.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    config.getCustomHistoryEventHandlers().add(0, new IdentityGuard());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl config) {
    if (config.getHistoryLevel() != null
        && !config.getHistoryLevel().isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, null)) {
      throw new ProcessEngineException("Historikniveauet '" + config.getHistoryLevel().getName()
          + "' registrerer ikke variabelændringer; beskyttelsen af processernes identitet kræver niveau 'full'.");
    }
  }
}
