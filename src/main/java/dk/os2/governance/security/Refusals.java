package dk.os2.governance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The one way the application refuses a request, and the one place that knows how a refusal looks:
 *
 * <ul>
 *   <li>on the application's API (/api) an RFC 9457 problem ({@code application/problem+json}):
 *       {@code status}, {@code title} (what the status means), {@code detail} (the Danish message),
 *       {@code instance} (the path) and, when there are several problems, {@code errors};
 *   <li>on the engine's REST API (/engine-rest, /camunda/api) Camunda's own shape
 *       {@code {"type", "message", "code", "errors"?}}, whose {@code message} Tasklist and Cockpit
 *       show;
 *   <li>on the pages the Danish error page ({@code templates/error.html}), to which the message is
 *       handed through {@value #MESSAGE_ATTRIBUTE}.
 * </ul>
 *
 * Every Danish text comes from {@code messages.properties} through Spring's {@link MessageSource}.
 */
@Component
class Refusals {

  /** The Danish message for the error page; without it the page says what the status means. */
  public static final String MESSAGE_ATTRIBUTE = Refusals.class.getName() + ".message";

  /** The language of every refusal. */
  public static final Locale DANISH = Locale.forLanguageTag("da");

  public static final String TOO_LARGE = "refusal.tooLarge";

  private final MessageSource messages;
  private final ObjectMapper json;

  public Refusals(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
  }

  /** The Danish text of a key of {@code messages.properties}, its {0}, {1}... filled in. */
  public String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments.length == 0 ? null : arguments, DANISH);
  }

  /** What a status means, in Danish, for refusals that carry no message of their own. */
  public String byStatus(int status) {
    return text("refusal.status." + known(status));
  }

  /** The short Danish name of a status: the problem's title. */
  public String title(int status) {
    return text("refusal.title." + known(status));
  }

  private static String known(int status) {
    return switch (status) {
      case 400, 401, 403, 404, 405, 406, 409, 413, 415 -> Integer.toString(status);
      default -> status >= 500 ? "500" : "other";
    };
  }

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

  // The two JSON renderings.

  /** The application API's refusal: an RFC 9457 problem. */
  public ProblemDetail problem(int status, String detail, List<String> errors, String instance) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail == null ? byStatus(status) : detail);
    problem.setTitle(title(status));
    if (instance != null) {
      try {
        problem.setInstance(URI.create(instance));
      } catch (IllegalArgumentException e) {
        // a request refused for its spelling may not even be a URI: the problem names no instance
      }
    }
    if (errors != null && !errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  /** The problem as the map Jackson makes of it, for answers typed as maps (Spring Boot's /error). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> problemBody(int status, String detail, List<String> errors, String instance) {
    return json.convertValue(problem(status, detail, errors, instance), Map.class);
  }

  /** The engine REST API's refusal in Camunda's shape; {@code type} says what kind of refusal. */
  public Map<String, Object> camunda(String type, String message, Integer code, List<String> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", code);
    if (errors != null && !errors.isEmpty()) {
      body.put("errors", errors);
    }
    return body;
  }

  public Map<String, Object> camunda(int status, String message, List<String> errors) {
    return camunda(type(status), message == null ? byStatus(status) : message, null, errors);
  }

  /**
   * An error answer of the engine itself, in Danish: its type and message replaced, the rest (its
   * code, the missing authorizations Cockpit shows) kept as the engine made it.
   */
  public ExceptionDto camunda(ExceptionDto error, String type, String message) {
    error.setType(type);
    error.setMessage(message);
    return error;
  }

  /** Camunda's shape as JSON text, for JAX-RS answers. */
  public String camundaJson(String type, String message, Integer code, List<String> errors) {
    try {
      return json.writeValueAsString(camunda(type, message, code, errors));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // Writing a refusal from a servlet filter, before Spring MVC.

  public void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    write(request, response, status, message, null);
  }

  /** On /api a problem, on the pages the Danish error page. */
  public void write(HttpServletRequest request, HttpServletResponse response, int status, String message,
      List<String> errors) throws IOException {
    if (RequestPaths.isApi(request)) {
      writeJson(request, response, status, message, errors);
    } else {
      request.setAttribute(MESSAGE_ATTRIBUTE, errors == null || errors.isEmpty()
          ? message : message + " " + String.join(" ", errors));
      response.sendError(status, message);
    }
  }

  /**
   * JSON whatever the path: a problem on /api, Camunda's shape everywhere else (the engine's REST
   * API, and refusals before any path is trusted). The problem is serialised with the application's
   * ObjectMapper, as Spring MVC would.
   */
  public void writeJson(HttpServletRequest request, HttpServletResponse response, int status, String message,
      List<String> errors) throws IOException {
    response.setStatus(status);
    response.setCharacterEncoding("UTF-8");
    Object body;
    if (RequestPaths.isApi(request)) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      body = problem(status, message, errors, RequestPaths.original(request));
    } else {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      body = camunda(status, message, errors);
    }
    response.getWriter().write(json.writeValueAsString(body));
  }

}
