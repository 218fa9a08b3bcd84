package dk.os2.governance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is calling: the engine authentication that the REST API's Basic login set for this
 * request, or else the login of the Camunda webapps' session. One login serves both.
 */
final class CurrentUser {

  public static final String ENGINE = "default";

  private CurrentUser() {}

  public static Optional<Authentication> of(HttpServletRequest request, IdentityService identityService) {
    Authentication engine = identityService.getCurrentAuthentication();
    if (engine != null) {
      return Optional.of(engine);
    }
    return fromSession(request);
  }

  public static Optional<Authentication> fromSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null || !auths.hasAuthenticationForProcessEngine(ENGINE)) {
      return Optional.empty();
    }
    UserAuthentication user = (UserAuthentication) auths.getAuthenticationForProcessEngine(ENGINE);
    return Optional.of(new Authentication(user.getName(), user.getGroupIds(), user.getTenantIds()));
  }
}
