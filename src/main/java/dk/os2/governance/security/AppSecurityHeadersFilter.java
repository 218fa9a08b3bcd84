package dk.os2.governance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers that Camunda's HttpHeaderSecurityFilter sends on /camunda, for the
 * application's pages and API. The pages use no scripts and only their own styles (a style block
 * and computed bar widths), so the policy is stricter than the webapps': no script at all but the
 * application's own files, no framing, forms only to this site.
 */
class AppSecurityHeadersFilter extends OncePerRequestFilter {

  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-XSS-Protection", "1; mode=block");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (RequestPaths.isApi(request)) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
