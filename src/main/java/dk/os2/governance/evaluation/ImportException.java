package dk.os2.governance.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import java.util.List;

/** A file that cannot be imported; each problem names the line or the criterion, in Danish. */
public class ImportException extends RuntimeException implements ErrorResponse {

  private final List<String> problems;

  public ImportException(List<String> problems) {
    super("Filen kan ikke importeres: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public ImportException(String problem) {
    this(List.of(problem));
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
