package dk.os2.governance.criteria;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import java.util.List;

/** A catalogue file that cannot be read; each problem names the field or criterion, in Danish. */
public class CatalogueFormatException extends RuntimeException implements ErrorResponse {

  private final List<String> problems;

  public CatalogueFormatException(List<String> problems) {
    super("Kataloget kan ikke læses: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.BAD_REQUEST;
  }

  /** The refusal as the application's API answers it: the Danish message and each problem. */
  @Override
  public ProblemDetail getBody() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(getStatusCode(), getMessage());
    problem.setProperty("errors", problems);
    return problem;
  }
}
