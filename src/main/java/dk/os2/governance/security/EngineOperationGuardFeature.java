package dk.os2.governance.security;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link EngineOperationGuard} and {@link EngineErrorTranslation} in every Jersey application of the server: the engine
 * REST API that the Spring Boot starter serves and each JAX-RS application of the Camunda webapps.
 * Forced, so no application can opt out by turning auto-discovery off.
 */
public class EngineOperationGuardFeature implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(EngineOperationGuard.class)) {
      context.register(EngineOperationGuard.class);
    }
    if (!context.getConfiguration().isRegistered(EngineErrorTranslation.class)) {
      context.register(EngineErrorTranslation.class);
    }
  }
}
