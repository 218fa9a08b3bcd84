package dk.os2.governance.security;

import jakarta.servlet.RequestDispatcher;
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
 * of /api are problems instead ({@link ErrorPage}).
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
    return attributes;
  }

  static int status(WebRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
    return code instanceof Integer i ? i : 500;
  }
}
