package dk.os2.governance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has one canonical spelling or is refused before anything else runs: path
 * parameters ({@code ;}), encoded {@code / ; % .} or backslash, {@code //}, {@code /./} and
 * {@code /../} are answered with 400. Checks further in (login, the engine guard, form
 * validation) then never meet a second spelling of the same resource. Spring Security's
 * {@link StrictHttpFirewall} decides. Methods other than GET, HEAD, POST, PUT and DELETE are
 * answered with 405. On /api the refusal is a problem, elsewhere Camunda's error shape (see
 * {@link Refusals}): no path is trusted enough yet to choose a page.
 */
class CanonicalUrlFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(CanonicalUrlFilter.class);

  private static final Set<String> ALLOWED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE");

  private final StrictHttpFirewall firewall = new StrictHttpFirewall();
  private final Refusals refusals;

  public CanonicalUrlFilter(Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!ALLOWED_METHODS.contains(request.getMethod())) {
      // OPTIONS would hand anyone the REST API's WADL description; no page or client needs it.
      refusals.writeJson(request, response, 405, refusals.text("refusal.methodNotAllowed", request.getMethod()), null);
      return;
    }
    try {
      firewall.getFirewalledRequest(request);
    } catch (RequestRejectedException e) {
      LOG.info("Refused a non-canonical request {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
      refusals.writeJson(request, response, 400, refusals.text("refusal.nonCanonicalUrl"), null);
      return;
    }
    chain.doFilter(request, response);
  }
}
