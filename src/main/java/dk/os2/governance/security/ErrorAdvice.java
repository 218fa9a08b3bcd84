package dk.os2.governance.security;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.os2.governance.criteria.CatalogueFormatException;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.evaluation.ImportException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import dk.os2.governance.portfolio.ProductNameTaken;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the application's pages and API, in one place: each exception becomes a status
 * and a Danish message. On /api the answer is {"type", "message", "errors"?} (the shape of
 * {@link ApiErrors}); on the pages it is the Danish error page. No framework text, exception name,
 * SQL or stack trace reaches the user; unexpected errors are logged and answered 500 in Danish.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

  record Refusal(int status, String message, List<String> errors) {
    Refusal(int status, String message) {
      this(status, message, null);
    }
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> refuse(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Refusal refusal = classify(e);
    if (refusal.status() >= 500) {
      log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    }
    if (!ErrorResponses.isApi(request)) {
      ErrorResponses.write(request, response, refusal.status(), refusal.message(), refusal.errors());
      return null;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ApiErrors.type(refusal.status()));
    body.put("message", refusal.message());
    body.put("code", null);
    if (refusal.errors() != null && !refusal.errors().isEmpty()) {
      body.put("errors", refusal.errors());
    }
    return ResponseEntity.status(refusal.status()).body(body);
  }

  static Refusal classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) {
        return new Refusal(413, ErrorResponses.TOO_LARGE);
      }
    }
    if (e instanceof ResponseStatusException r) {
      int status = r.getStatusCode().value();
      return new Refusal(status, r.getReason() == null ? ErrorResponses.byStatus(status) : r.getReason());
    }
    if (e instanceof ImportException i) {
      return new Refusal(400, i.getMessage(), i.problems());
    }
    if (e instanceof CatalogueFormatException c) {
      return new Refusal(400, c.getMessage(), c.problems());
    }
    if (e instanceof CatalogueStore.VersionConflict v) {
      return new Refusal(409, v.getMessage(), List.of(v.getMessage()));
    }
    if (e instanceof MethodArgumentNotValidException v) {
      return invalid(v.getBindingResult().getAllErrors());
    }
    if (e instanceof HandlerMethodValidationException v) {
      return invalid(v.getAllErrors());
    }
    if (e instanceof MaxUploadSizeExceededException) {
      return new Refusal(413, ErrorResponses.TOO_LARGE);
    }
    if (e instanceof MissingServletRequestPartException p) {
      return new Refusal(400, "Filen '" + p.getRequestPartName() + "' mangler.");
    }
    if (e instanceof MultipartException) {
      return new Refusal(400, "Den uploadede fil kan ikke læses; send den som multipart/form-data.");
    }
    if (e instanceof HttpMessageNotReadableException n) {
      return new Refusal(400, unreadable(n));
    }
    if (e instanceof MethodArgumentTypeMismatchException m) {
      return new Refusal(400, "Værdien af '" + m.getName() + "' har en forkert type eller et ugyldigt indhold.");
    }
    if (e instanceof MissingServletRequestParameterException m) {
      return new Refusal(400, "Feltet '" + m.getParameterName() + "' mangler.");
    }
    if (e instanceof ServletRequestBindingException) {
      return new Refusal(400, ErrorResponses.byStatus(400));
    }
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return new Refusal(405, ErrorResponses.byStatus(405));
    }
    if (e instanceof HttpMediaTypeNotSupportedException) {
      return new Refusal(415, "Indholdstypen understøttes ikke her; send JSON (application/json).");
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return new Refusal(406, ErrorResponses.byStatus(406));
    }
    if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
      return new Refusal(404, ErrorResponses.byStatus(404));
    }
    if (e instanceof ProductNameTaken taken) {
      // Two proposals or imports with the same name at once: the database kept one.
      return new Refusal(409, taken.getMessage(), List.of(taken.getMessage()));
    }
    if (e instanceof DuplicateKeyException) {
      return new Refusal(409, "Det findes allerede; intet er ændret.");
    }
    if (e instanceof DataIntegrityViolationException) {
      return new Refusal(400, "En værdi er for lang, mangler eller passer ikke til de øvrige data; intet er ændret.");
    }
    if (e instanceof PessimisticLockingFailureException || e instanceof OptimisticLockingException) {
      return new Refusal(409, "En anden ændrede det samme på samme tid; intet er ændret. Prøv igen.");
    }
    if (e instanceof AuthorizationException) {
      return new Refusal(403, ErrorResponses.byStatus(403));
    }
    if (e instanceof TaskAlreadyClaimedException) {
      return new Refusal(409, "Opgaven er allerede taget af en anden.");
    }
    if (e instanceof NotFoundException || e instanceof NullValueException) {
      return new Refusal(404, ErrorResponses.byStatus(404));
    }
    if (e instanceof NotValidException || e instanceof BadUserRequestException) {
      return new Refusal(400, ErrorResponses.byStatus(400));
    }
    if (e instanceof IllegalArgumentException) {
      return new Refusal(400, ErrorResponses.byStatus(400));
    }
    return new Refusal(500, ErrorResponses.byStatus(500));
  }

  /**
   * Bean Validation's refusal: the Danish messages of the failed constraints (from
   * {@code messages.properties}), each once, in the order of the fields' names.
   */
  private static Refusal invalid(List<? extends MessageSourceResolvable> errors) {
    List<String> messages = errors.stream()
        .sorted(Comparator.comparing(error -> error instanceof FieldError f ? f.getField() : ""))
        .map(MessageSourceResolvable::getDefaultMessage)
        .filter(message -> message != null && !message.isBlank())
        .distinct()
        .toList();
    return messages.isEmpty()
        ? new Refusal(400, ErrorResponses.byStatus(400))
        : new Refusal(400, String.join(" ", messages), messages);
  }

  private static String unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      String field = ((JsonMappingException) cause).getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      if (!field.isEmpty()) {
        return "Feltet '" + field + "' har en forkert type eller et ugyldigt indhold.";
      }
    }
    return "Indholdet kan ikke læses: det skal være gyldig JSON i det forventede format.";
  }
}
