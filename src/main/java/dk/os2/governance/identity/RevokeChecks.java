package dk.os2.governance.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks without REVOKE authorizations, which the application never
 * creates: every body's task query then joins only grants ({@code authorizationCheckRevokes}
 * {@code never} instead of Camunda's {@code auto}, which asks the database before each check
 * whether any revoke exists and, with many per-task grants, makes the task query's join far larger).
 *
 * <p>Should an administrator have created a REVOKE authorization in Admin, revokes are checked
 * again ({@code always}) from the next start on, with a warning: a revoke is never silently ignored
 * after a restart. One created while running takes effect at the next start.
 */
@Component
class RevokeChecks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RevokeChecks.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    long revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      LOG.warn("{} REVOKE authorization(s) found: the engine checks revokes on every authorization check", revokes);
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    }
  }
}
