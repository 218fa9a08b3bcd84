package dk.os2.governance.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
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
    if (!RequestPaths.isApi(request)) {
      return super.error(request);
    }
    ErrorAdvice.Refusal refusal = refusal(request);
    return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(refusals.problemBody(refusal.status(), refusal.message(), refusal.errors(),
            RequestPaths.original(request)));
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
