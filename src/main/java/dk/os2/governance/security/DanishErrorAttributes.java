package dk.os2.governance.security;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's error page ({@code templates/error.html}) and its JSON errors outside /api
 * show: the Danish message of the refusal ({@link Refusals#MESSAGE_ATTRIBUTE}) or what the status
 * means, in Danish. Never the framework's English reason, the exception or a stack trace. Errors
 * of /api are problems instead ({@link ErrorPage}). The page also offers the way back: the page of
 * this application the user came from ({@code back}, from the Referer), besides the portfolio and
 * Tasklist.
 */
class DanishErrorAttributes extends DefaultErrorAttributes {

  private final Refusals refusals;

  DanishErrorAttributes(Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    int status = status(request);
    Object message = request.getAttribute(Refusals.MESSAGE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("type", Refusals.type(status));
    attributes.put("message", message instanceof String s && !s.isBlank() ? s : refusals.byStatus(status));
    String back = back(request.getHeader("Referer"), request.getHeader("Host"),
        (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST));
    if (back != null) {
      attributes.put("back", back);
    }
    return attributes;
  }

  /**
   * The page the user came from, as a path of this site (never another site's address), or null:
   * no Referer, another host, or the very address that failed.
   */
  static String back(String referer, String host, String failed) {
    if (referer == null || host == null) {
      return null;
    }
    try {
      URI uri = new URI(referer);
      String authority = uri.getRawAuthority();
      String path = uri.getRawPath();
      if (authority == null || !authority.equalsIgnoreCase(host) || path == null || !path.startsWith("/")
          || path.startsWith("//") || path.equals(failed)) {
        return null;
      }
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  static int status(WebRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
    return code instanceof Integer i ? i : 500;
  }
}
