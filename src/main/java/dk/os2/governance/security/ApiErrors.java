package dk.os2.governance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Errors in the shape the Camunda REST API and its webapps use, so Tasklist shows the message. */
public final class ApiErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiErrors() {}

  /** Camunda's names for the kind of refusal, so the webapps show the message as they do theirs. */
  public static String type(int status) {
    return switch (status) {
      case 401 -> "AuthenticationException";
      case 403 -> "AuthorizationException";
      case 404 -> "NotFoundException";
      case 409 -> "ConflictException";
      default -> status >= 500 ? "ServerErrorException" : "InvalidRequestException";
    };
  }

  public static void write(HttpServletResponse response, int status, String message, List<String> details)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type(status));
    body.put("message", message);
    body.put("code", null);
    if (details != null && !details.isEmpty()) {
      body.put("errors", details);
    }
    response.setStatus(status);
    response.setCharacterEncoding("UTF-8");
    response.setContentType("application/json");
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
