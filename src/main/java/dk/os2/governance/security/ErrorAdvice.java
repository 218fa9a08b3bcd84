package dk.os2.governance.security;

import org.springframework.web.ErrorResponse;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
 * and a Danish message from {@code messages.properties}. On /api the answer is an RFC 9457 problem
 * ({@code application/problem+json}, see {@link Refusals}); on the pages it is the Danish error
 * page. No framework text, exception name, SQL or stack trace reaches the user; unexpected errors
 * are logged and answered 500 in Danish.
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

  private final Refusals refusals;

  ErrorAdvice(Refusals refusals) {
    this.refusals = refusals;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> refuse(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Refusal refusal = classify(e);
    if (refusal.status() >= 500) {
      log.error("Unexpected error on {} {}", request.getMethod(), RequestPaths.original(request), e);
    }
    if (!RequestPaths.isApi(request)) {
      refusals.write(request, response, refusal.status(), refusal.message(), refusal.errors());
      return null;
    }
    return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(refusals.problem(refusal.status(), refusal.message(), refusal.errors(), RequestPaths.original(request)));
  }

  Refusal classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) {
        return refusal(413, Refusals.TOO_LARGE);
      }
    }
    if (e instanceof ResponseStatusException r) {
      int status = r.getStatusCode().value();
      return new Refusal(status, r.getReason() == null ? refusals.byStatus(status) : r.getReason());
    }
    if (e instanceof ErrorResponse r && !e.getClass().getName().startsWith("org.springframework.")) {
      // The modules' own refusals (a file that cannot be imported, a catalogue version already
      // published, a product name taken) carry their status, Danish text and problems.
      return new Refusal(r.getStatusCode().value(), r.getBody().getDetail(), problems(r.getBody()));
    }
    if (e instanceof MethodArgumentNotValidException v) {
      return invalid(v.getBindingResult().getAllErrors());
    }
    if (e instanceof HandlerMethodValidationException v) {
      return invalid(v.getAllErrors());
    }
    if (e instanceof MaxUploadSizeExceededException) {
      return refusal(413, Refusals.TOO_LARGE);
    }
    if (e instanceof MissingServletRequestPartException p) {
      return refusal(400, "refusal.fileMissing", p.getRequestPartName());
    }
    if (e instanceof MultipartException) {
      return refusal(400, "refusal.uploadUnreadable");
    }
    if (e instanceof HttpMessageNotReadableException n) {
      return new Refusal(400, unreadable(n));
    }
    if (e instanceof MethodArgumentTypeMismatchException m) {
      return refusal(400, "refusal.valueInvalid", m.getName());
    }
    if (e instanceof MissingServletRequestParameterException m) {
      return refusal(400, "refusal.parameterMissing", m.getParameterName());
    }
    if (e instanceof ServletRequestBindingException) {
      return byStatus(400);
    }
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return byStatus(405);
    }
    if (e instanceof HttpMediaTypeNotSupportedException) {
      return refusal(415, "refusal.notJson");
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return byStatus(406);
    }
    if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
      return byStatus(404);
    }
    if (e instanceof DuplicateKeyException) {
      return refusal(409, "refusal.exists");
    }
    if (e instanceof DataIntegrityViolationException) {
      return refusal(400, "refusal.dataInvalid");
    }
    if (e instanceof PessimisticLockingFailureException || e instanceof OptimisticLockingException) {
      return refusal(409, "refusal.concurrentChange");
    }
    if (e instanceof AuthorizationException) {
      return byStatus(403);
    }
    if (e instanceof TaskAlreadyClaimedException) {
      return refusal(409, "refusal.taskClaimed");
    }
    if (e instanceof NotFoundException || e instanceof NullValueException) {
      return byStatus(404);
    }
    if (e instanceof NotValidException || e instanceof BadUserRequestException) {
      return byStatus(400);
    }
    if (e instanceof IllegalArgumentException) {
      return byStatus(400);
    }
    return byStatus(500);
  }

  private static List<String> problems(ProblemDetail problem) {
    return problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> list
        ? list.stream().map(String::valueOf).toList() : null;
  }

  private Refusal refusal(int status, String key, Object... arguments) {
    return new Refusal(status, refusals.text(key, arguments));
  }

  private Refusal byStatus(int status) {
    return new Refusal(status, refusals.byStatus(status));
  }

  /**
   * Bean Validation's refusal: the Danish messages of the failed constraints (from
   * {@code messages.properties}), each once, in the order of the fields' names.
   */
  private Refusal invalid(List<? extends MessageSourceResolvable> errors) {
    List<String> messages = errors.stream()
        .sorted(Comparator.comparing(error -> error instanceof FieldError f ? f.getField() : ""))
        .map(MessageSourceResolvable::getDefaultMessage)
        .filter(message -> message != null && !message.isBlank())
        .distinct()
        .toList();
    return messages.isEmpty()
        ? byStatus(400)
        : new Refusal(400, String.join(" ", messages), messages);
  }

  private String unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      String field = ((JsonMappingException) cause).getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      if (!field.isEmpty()) {
        return refusals.text("refusal.fieldInvalid", field);
      }
    }
    return refusals.text("refusal.jsonUnreadable");
  }
}
