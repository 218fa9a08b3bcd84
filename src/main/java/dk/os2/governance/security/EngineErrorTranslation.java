package dk.os2.governance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The engine's REST API answers errors in English, and some bad input (an unknown task, a task
 * someone else claimed) with 500. Users see these messages in Tasklist, so every error answer of
 * the engine's JAX-RS resources is given a Danish message and the status that fits: 404 for what
 * does not exist, 409 for a task already claimed or changed at the same time, 400 for unreadable
 * input. A Danish reason of the application's own (a rule of the process that refused the
 * operation) is kept as it is, and answered with 400 rather than the engine's 500. The English original goes to the log. The answer keeps Camunda's
 * shape, filled in by {@link Refusals} with the texts of {@code messages.properties}.
 */
public class EngineErrorTranslation implements ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineErrorTranslation.class);
  /** Danish letters or common Danish words: the application's own reasons. */
  /** Words and marks of the engine's and Jackson's English messages. */
  private static final Pattern ENGLISH = Pattern.compile(
      "(?i)\\b(the|with|cannot|is|of|from|value|type|deserialize|exception|java|null)\\b|`");
  /** Exceptions of the JSON parser: input a client sent, never a server fault. */
  private static final Pattern JACKSON = Pattern.compile("Json|StreamConstraints|MismatchedInput|StreamRead");
  private static final Pattern DANISH = Pattern.compile("[æøåÆØÅ]|\\b(ikke|skal|kan|findes|allerede|opgaven)\\b");

  @Context
  private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400 || request.getProperty(EngineOperationGuard.OWN_REFUSAL) != null) {
      return;
    }
    Refusals refusals = WebApplicationContextUtils
        .getRequiredWebApplicationContext(servletRequest.getServletContext()).getBean(Refusals.class);
    if (response.getEntity() instanceof String text) {
      // The JSON parser's complaints arrive as bare English text.
      response.setEntity(refusals.camunda(new ExceptionDto(), "InvalidRequestException", text), null,
          MediaType.APPLICATION_JSON_TYPE);
    }
    if (!(response.getEntity() instanceof ExceptionDto error)) {
      return;
    }
    String type = error.getType() == null ? "" : error.getType();
    String original = error.getMessage() == null ? "" : error.getMessage();
    int status = status(response.getStatus(), type, original);
    String danish = danishPart(original);
    // A parser's class name tells a user nothing.
    refusals.camunda(error, JACKSON.matcher(type).find() ? "InvalidRequestException" : error.getType(),
        danish != null ? danish : message(refusals, status, type));
    if (status != response.getStatus()) {
      response.setStatus(status);
    }
    LOG.debug("Engine error {} {} translated to {}: {}", response.getStatus(), type, status, original);
  }

  private static int status(int status, String type, String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    if ("TaskAlreadyClaimedException".equals(type) || "OptimisticLockingException".equals(type)) {
      return 409;
    }
    boolean unexpected = status >= 500 || "BadUserRequestException".equals(type);
    if (unexpected && ("NullValueException".equals(type) || "NotFoundException".equals(type)
        || lower.contains("cannot find") || lower.contains("no task") || lower.contains("doesn't exist")
        || lower.contains("does not exist") || lower.contains("not found"))) {
      return 404;
    }
    // A rule of the application refused the operation (its own Danish reason, e.g. the identity
    // guard refusing an administrator's write of a protected variable): the request, not the server.
    if (status >= 500 && ("ProcessEngineException".equals(type) || "RestException".equals(type))
        && danishPart(message) != null) {
      return 400;
    }
    if (status >= 500 && (JACKSON.matcher(type).find() || "BadUserRequestException".equals(type) || "NotValidException".equals(type)
        || "FormFieldValidationException".equals(type))) {
      return 400;
    }
    return status;
  }

  /** The application's own Danish reason inside a message the engine prefixed in English. */
  static String danishPart(String message) {
    String[] parts = message.split(": ");
    for (int i = 0; i < parts.length; i++) {
      String rest = String.join(": ", java.util.Arrays.copyOfRange(parts, i, parts.length)).trim();
      if (DANISH.matcher(rest).find() && !ENGLISH.matcher(rest).find()) {
        return rest;
      }
    }
    return null;
  }

  /** The Danish message for an engine error without a Danish reason of the application's own. */
  private static String message(Refusals refusals, int status, String type) {
    return switch (status) {
      case 400, 401, 403, 404 -> refusals.text("engine.refusal." + status);
      case 409 -> refusals.text("TaskAlreadyClaimedException".equals(type)
          ? "refusal.taskClaimed" : "refusal.concurrentChange");
      default -> refusals.byStatus(status);
    };
  }
}
