package dk.os2.governance.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Puts the session's CSRF token ({@link AppCsrfFilter}) as a hidden field {@code _csrf} into every
 * form that a page renders with {@code th:action}. Thymeleaf asks this bean, by its name
 * {@code requestDataValueProcessor}, for extra hidden fields.
 */
class CsrfTokenFields implements RequestDataValueProcessor {

  @Override
  public String processAction(HttpServletRequest request, String action, String httpMethod) {
    return action;
  }

  @Override
  public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
    return value;
  }

  @Override
  public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
    if (CurrentUser.fromSession(request).isEmpty()) {
      return Map.of();
    }
    return Map.of(AppCsrfFilter.PARAMETER, AppCsrfFilter.token(request, null));
  }

  @Override
  public String processUrl(HttpServletRequest request, String url) {
    return url;
  }
}
