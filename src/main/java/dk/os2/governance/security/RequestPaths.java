package dk.os2.governance.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
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

  /**
   * Whether the request is for the application's JSON API (/api) rather than a page. On the error
   * page ({@code /error}), whether the request that failed was.
   */
  static boolean isApi(HttpServletRequest request) {
    String path = resolved(request);
    if (request.getDispatcherType() == DispatcherType.ERROR
        && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      // The container names the failed request by its URI; non-canonical ones never got this far.
      path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
    }
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** The URI the client asked for, also on the error page: a problem's {@code instance}. */
  static String original(HttpServletRequest request) {
    Object uri = request.getDispatcherType() == DispatcherType.ERROR
        ? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : null;
    return uri instanceof String s ? s : request.getRequestURI();
  }
}
