package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.SqlCounter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The login on {@code /engine-rest} looks up a user's tenants only while the engine has any: the
 * application has none, so a request does not ask for them; once an administrator creates one,
 * a member's login carries it again (after the filter's next count).
 */
class EngineRestTenantsTests extends IntegrationTests {

  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aLoginLooksUpNoTenantMembershipsWhileThereAreNoTenants() {
    assertThat(engine.getIdentityService().createTenantQuery().count()).as("the application has no tenants").isZero();
    SqlCounter.record(() -> {
      RestClient.Response answer = RestClient.as(baseUrl(), "sekretariat").get("/engine-rest/task/count");
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    });
    assertThat(SqlCounter.recorded()).as("no look-up of the user's tenants")
        .noneMatch(e -> e.sql().contains("ACT_ID_TENANT_MEMBER"));
  }

  @Test
  void onceATenantExistsAMembersLoginCarriesIt() throws Exception {
    // A filter of its own that counts tenants on every login, so the test need not wait a minute.
    EngineRestAuthenticationFilter filter = new EngineRestAuthenticationFilter(transactions, Duration.ZERO);
    MockFilterConfig config = new MockFilterConfig();
    config.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    filter.init(config);
    assertThat(tenantsOfLogin(filter, "sekretariat")).isEmpty();

    Tenant tenant = engine.getIdentityService().newTenant("os2testtenant");
    engine.getIdentityService().saveTenant(tenant);
    try {
      engine.getIdentityService().createTenantUserMembership("os2testtenant", "sekretariat");
      assertThat(tenantsOfLogin(filter, "sekretariat")).containsExactly("os2testtenant");
    } finally {
      engine.getIdentityService().deleteTenant("os2testtenant");
    }
  }

  /** The tenants the engine holds for the user while the filter passes a request with Basic auth on. */
  private List<String> tenantsOfLogin(EngineRestAuthenticationFilter filter, String user) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/count");
    request.setServletPath("/engine-rest");
    request.setPathInfo("/task/count");
    request.addHeader("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    List<String> tenants = new ArrayList<>();
    boolean[] passed = {false};
    filter.doFilter(request, response, (req, res) -> {
      passed[0] = true;
      List<String> ids = engine.getIdentityService().getCurrentAuthentication().getTenantIds();
      if (ids != null) {
        tenants.addAll(ids);
      }
    });
    assertThat(passed[0]).as("the login was accepted (status %s)", response.getStatus()).isTrue();
    return tenants;
  }
}
