package dk.os2.governance.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks in their per-row form, revokes included
 * ({@code authorizationCheckRevokes} {@code always}).
 *
 * <p>Why: every open task carries its own grant rows (Camunda writes one per candidate group). In
 * the other form ({@code never}, and {@code auto} while no revoke exists) a query joins every
 * grant the user can see on {@code RESOURCE_ID_ IN (task id, process key, '*')}; PostgreSQL cannot
 * hash that join, so a body's task list or count compares each of its tasks with each of its
 * grants: 500 open tasks, 250,000 comparisons, about 60 ms at every request, growing with the
 * square of the open tasks. In this form each task is looked up in the authorization table's
 * unique indexes (a handful of index probes per row): a few milliseconds at 500 tasks. The same
 * holds for the variable and history queries. Measured in README "Queries at scale".
 *
 * <p>And a REVOKE authorization created in Admin takes effect at once, without a restart.
 */
@Component
class RevokeChecks extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
  }
}
