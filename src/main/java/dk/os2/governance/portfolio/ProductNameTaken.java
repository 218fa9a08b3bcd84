package dk.os2.governance.portfolio;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A proposed or active product already carries the name (ignoring case and whitespace), found by
 * the database's unique key when two proposals with the same name arrive at once. A form
 * validation failure to the engine: the start or completion that wrote the name is rolled back,
 * and the engine's REST API answers 400 with this Danish message rather than 500; the
 * application's /api answers 409 (a name taken by another import, say).
 */
public class ProductNameTaken extends FormFieldValidationException implements ErrorResponse {

  public ProductNameTaken(String name) {
    super("productName", "Der findes allerede et produkt eller forslag med navnet '" + name + "'.");
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.CONFLICT;
  }

  /** The refusal as the application's API answers it: the Danish message and each problem. */
  @Override
  public ProblemDetail getBody() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(getStatusCode(), getMessage());
    problem.setProperty("errors", List.of(getMessage()));
    return problem;
  }
}
