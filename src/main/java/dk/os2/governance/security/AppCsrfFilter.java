package dk.os2.governance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for the application's pages (/app) and API (/api), with the token of the
 * Camunda webapps: one token per session, kept in the session attribute {@value #SESSION_ATTRIBUTE}
 * by Camunda's {@code CsrfPreventionFilter}, which hands it to the browser as the cookie
 * {@code XSRF-TOKEN} and checks it in the header {@value #HEADER}.
 *
 * <p>A state-changing request (anything but GET, HEAD, OPTIONS, TRACE) that the session cookie
 * authenticates must carry that token, in the header {@value #HEADER} (scripts, as in the webapps)
 * or the form field {@value #PARAMETER} (the pages' forms; see {@link CsrfTokenFields}). A request
 * authenticated by HTTP Basic carries its credentials itself and needs no token, but a browser may
 * send remembered Basic credentials along with a cross-site request: such a request is refused when
 * its {@code Origin} names another site.
 */
class AppCsrfFilter extends OncePerRequestFilter {

  /** Where Camunda's CsrfPreventionFilter keeps the session's token. */
  public static final String SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  public static final String HEADER = "X-XSRF-TOKEN";
  public static final String COOKIE = "XSRF-TOKEN";
  public static final String PARAMETER = "_csrf";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final SecureRandom RANDOM = new SecureRandom();

  static final String MISSING_TOKEN = "refusal.csrf.missingToken";
  static final String FOREIGN_ORIGIN = "refusal.csrf.foreignOrigin";

  private final Refusals refusals;

  public AppCsrfFilter(Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      if (CurrentUser.fromSession(request).isPresent()) {
        // Pages rendered for a session need the token in their forms: make sure there is one.
        token(request, response);
      }
      chain.doFilter(request, response);
      return;
    }
    if (CurrentUser.fromSession(request).isEmpty()) {
      // HTTP Basic (or no login at all, which the authentication before this filter refused).
      if (foreignOrigin(request)) {
        refuse(request, response, 403, FOREIGN_ORIGIN);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    String expected = (String) request.getSession().getAttribute(SESSION_ATTRIBUTE);
    String given = request.getHeader(HEADER);
    if (given == null || given.isBlank()) {
      given = formToken(request);
      if (given == TOO_LARGE) {
        refuse(request, response, 413, Refusals.TOO_LARGE);
        return;
      }
    }
    if (expected == null || given == null || !MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.trim().getBytes(StandardCharsets.UTF_8))) {
      refuse(request, response, 403, MISSING_TOKEN);
      return;
    }
    chain.doFilter(request, response);
  }

  private static final String TOO_LARGE = new String("too large");

  /** The form field; for a multipart body whose parts cannot be read (too large), {@link #TOO_LARGE}. */
  private static String formToken(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      try {
        request.getParts();
      } catch (IllegalStateException | IOException | ServletException e) {
        return TOO_LARGE;
      }
    }
    return request.getParameter(PARAMETER);
  }

  /**
   * The session's token; created (and handed to the webapps as their cookie, as Camunda would) if the
   * session has none yet.
   */
  public static String token(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession();
    synchronized (session) {
      String token = (String) session.getAttribute(SESSION_ATTRIBUTE);
      if (token == null) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        token = HexFormat.of().withUpperCase().formatHex(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, token);
        if (response != null) {
          response.addHeader("Set-Cookie", COOKIE + "=" + token + ";Path=" + request.getContextPath() + "/camunda;SameSite=Lax");
        }
      }
      return token;
    }
  }

  private static boolean foreignOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.isBlank() || "null".equals(origin)) {
      return origin != null && "null".equals(origin);
    }
    String host = request.getHeader("Host");
    try {
      URI uri = URI.create(origin.trim());
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host == null || !authority.equalsIgnoreCase(host.trim());
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
      throws IOException {
    refusals.write(request, response, status, refusals.text(key));
  }
}
