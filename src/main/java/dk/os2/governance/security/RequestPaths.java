package dk.os2.governance.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path the servlet container resolved a request to (decoded, without the context path and
 * path parameters), for choosing how to answer: a page or JSON. Never the raw URI, whose other
 * spellings would choose differently; non-canonical spellings are refused before this by
 * {@link CanonicalUrlFilter} anyway.
 */
final class RequestPaths {

  private RequestPaths() {}

  static String resolved(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  /** Whether the request is for the application's JSON API (/api) rather than a page. */
  static boolean isApi(HttpServletRequest request) {
    String path = resolved(request);
    return path.equals("/api") || path.startsWith("/api/");
  }
}
