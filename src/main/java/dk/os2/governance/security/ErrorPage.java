package dk.os2.governance.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's {@code /error}, where the servlet container sends what no one answered before
 * (an exception of a filter, a {@code sendError}): the Danish error page for the pages, as Spring
 * Boot does, and for /api a problem ({@link Refusals}), whatever the client accepts, never Spring
 * Boot's own error JSON.
 */
class ErrorPage extends BasicErrorController {

  private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);

  private final Refusals refusals;
  private final ErrorAdvice advice;

  ErrorPage(ErrorAttributes attributes, ServerProperties server, List<ErrorViewResolver> resolvers,
      Refusals refusals, ErrorAdvice advice) {
    super(attributes, server.getError(), resolvers);
    this.refusals = refusals;
    this.advice = advice;
  }

  @Override
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    logCause(request);
    if (!RequestPaths.isApi(request)) {
      return super.errorHtml(request, response);
    }
    ErrorAdvice.Refusal refusal = refusal(request);
    try {
      refusals.writeJson(request, response, refusal.status(), refusal.message(), refusal.errors());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    logCause(request);
    if (!RequestPaths.isApi(request)) {
      // Say the type: a view that failed while rendering has already set its own (text/html), which
      // no JSON converter may write, and the error page would fail a second time.
      ResponseEntity<Map<String, Object>> answer = super.error(request);
      return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
          .body(answer.getBody());
    }
    ErrorAdvice.Refusal refusal = refusal(request);
    return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(refusals.problemBody(refusal.status(), refusal.message(), refusal.errors(),
            RequestPaths.original(request)));
  }

  /**
   * An unexpected exception that ended here (a template that failed while rendering, a filter's
   * error) is logged with the address that failed: the real cause, not the error page's own path.
   */
  private void logCause(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e
        && refusal(request).status() >= 500) {
      log.error("Unexpected error on {} {}", request.getMethod(), RequestPaths.original(request), e);
    }
  }

  /** The refusal of the exception that ended here, or of the status someone sent with its message. */
  private ErrorAdvice.Refusal refusal(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e) {
      return advice.classify(e instanceof Exception ? e : new Exception(e));
    }
    int status = getStatus(request).value();
    Object message = request.getAttribute(Refusals.MESSAGE_ATTRIBUTE);
    return new ErrorAdvice.Refusal(status,
        message instanceof String s && !s.isBlank() ? s : refusals.byStatus(status));
  }
}
