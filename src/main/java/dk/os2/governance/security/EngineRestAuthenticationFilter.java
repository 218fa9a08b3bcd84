package dk.os2.governance.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Camunda's own login filter for {@code /engine-rest} (HTTP Basic against Camunda's users), with
 * its look-ups of the password, the user's groups and tenants made in one transaction instead of
 * five (README "Lean lifecycle"). What it accepts and refuses is Camunda's, unchanged.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final PlatformTransactionManager transactions;

  EngineRestAuthenticationFilter(PlatformTransactionManager transactions) {
    this.transactions = transactions;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new InOneTransaction(authenticationProvider);
  }

  private final class InOneTransaction implements AuthenticationProvider {

    private final AuthenticationProvider provider;

    InOneTransaction(AuthenticationProvider provider) {
      this.provider = provider;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      if (request.getHeader("Authorization") == null) {
        return provider.extractAuthenticatedUser(request, engine); // nothing to look up
      }
      return OneTransaction.run(transactions, () -> {
        AuthenticationResult result = provider.extractAuthenticatedUser(request, engine);
        if (result.isAuthenticated()) {
          // Looked up here, in the same transaction, rather than by the filter afterwards.
          if (result.getGroups() == null) {
            result.setGroups(getGroupsOfUser(engine, result.getAuthenticatedUser()));
          }
          if (result.getTenants() == null) {
            result.setTenants(getTenantsOfUser(engine, result.getAuthenticatedUser()));
          }
        }
        return result;
      });
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      provider.augmentResponseByAuthenticationChallenge(response, engine);
    }
  }
}
