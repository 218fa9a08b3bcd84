package dk.os2.governance.security;

import jakarta.servlet.RequestDispatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's error page ({@code templates/error.html}) and its JSON errors show: the
 * Danish message of the refusal ({@link ErrorResponses#MESSAGE_ATTRIBUTE}) or what the status means,
 * in Danish. Never the framework's English reason, the exception or a stack trace.
 */
class DanishErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
    int status = code instanceof Integer i ? i : 500;
    Object message = request.getAttribute(ErrorResponses.MESSAGE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("type", ApiErrors.type(status));
    attributes.put("message", message instanceof String s && !s.isBlank() ? s : ErrorResponses.byStatus(status));
    return attributes;
  }
}
