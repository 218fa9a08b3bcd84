package dk.os2.governance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login for the application's own pages and API: the Camunda webapps' session (one login for
 * Tasklist, Cockpit and these pages), or HTTP Basic against Camunda's users for API clients.
 * The user is set on the engine for the request, so engine calls are authorized as that user.
 */
class AppAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final Refusals refusals;
  private final PlatformTransactionManager transactions;

  public AppAuthenticationFilter(IdentityService identityService, Refusals refusals,
      PlatformTransactionManager transactions) {
    this.identityService = identityService;
    this.refusals = refusals;
    this.transactions = transactions;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Authentication> user = CurrentUser.fromSession(request).or(() -> basic(request));
    if (user.isEmpty() && RequestPaths.resolved(request).startsWith("/app/")) {
      // A page: send the person to the webapps' login, which the pages share.
      response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/");
      return;
    }
    if (user.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"OS2 governance\", charset=\"UTF-8\"");
      refusals.writeJson(request, response, 401, refusals.byStatus(401), null);
      return;
    }
    identityService.setAuthentication(user.get());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Optional<Authentication> basic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String userId = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    // The password and the groups in one transaction (each engine call would commit its own).
    return OneTransaction.run(transactions, () -> {
      if (!identityService.checkPassword(userId, password)) {
        return Optional.<Authentication>empty();
      }
      List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).toList();
      return Optional.of(new Authentication(userId, groups));
    });
  }
}
