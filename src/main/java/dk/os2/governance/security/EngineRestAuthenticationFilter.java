package dk.os2.governance.security;

import jakarta.servlet.FilterConfig;
import java.time.Duration;
import java.util.List;
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
 *
 * <p>The application uses no tenants. A user's tenants are looked up only while any tenant exists,
 * which is asked at most once per {@link #TENANTS_RECHECK}: until then a login carries no tenants,
 * which can only hide what belongs to a tenant (an administrator passes the tenant check anyway),
 * never show more.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  /** How long the answer to "does any tenant exist?" is kept. */
  static final Duration TENANTS_RECHECK = Duration.ofMinutes(1);

  private final PlatformTransactionManager transactions;
  private final Duration tenantsRecheck;
  /** When tenants were last counted (System.nanoTime()), and whether there were any; null: never. */
  private volatile TenantsCounted tenantsCounted;

  private record TenantsCounted(long at, boolean any) {}

  EngineRestAuthenticationFilter(PlatformTransactionManager transactions) {
    this(transactions, TENANTS_RECHECK);
  }

  EngineRestAuthenticationFilter(PlatformTransactionManager transactions, Duration tenantsRecheck) {
    this.transactions = transactions;
    this.tenantsRecheck = tenantsRecheck;
  }

  /** Whether any tenant exists, counted at most once per {@link #tenantsRecheck}. */
  private boolean anyTenant(ProcessEngine engine) {
    TenantsCounted counted = tenantsCounted;
    long now = System.nanoTime();
    if (counted == null || now - counted.at() >= tenantsRecheck.toNanos()) {
      counted = new TenantsCounted(now, engine.getIdentityService().createTenantQuery().count() > 0);
      tenantsCounted = counted;
    }
    return counted.any();
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
            result.setTenants(anyTenant(engine) ? getTenantsOfUser(engine, result.getAuthenticatedUser()) : List.of());
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
