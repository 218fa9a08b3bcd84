package dk.os2.governance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The one way the application refuses a request: on /api the JSON shape of {@link ApiErrors}
 * ({"type", "message"} in Danish), elsewhere the Danish error page ({@code templates/error.html}),
 * to which the Danish message is handed through {@value #MESSAGE_ATTRIBUTE}.
 */
public final class ErrorResponses {

  /** The Danish message for the error page; without it the page says what the status means. */
  public static final String MESSAGE_ATTRIBUTE = ErrorResponses.class.getName() + ".message";

  public static final String TOO_LARGE = "Forespørgslen er for stor: højst 1 MB pr. fil eller indhold.";

  private ErrorResponses() {}

  public static boolean isApi(HttpServletRequest request) {
    return RequestPaths.isApi(request);
  }

  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    write(request, response, status, message, null);
  }

  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String message,
      List<String> details) throws IOException {
    if (isApi(request)) {
      ApiErrors.write(response, status, message, details);
    } else {
      request.setAttribute(MESSAGE_ATTRIBUTE, details == null || details.isEmpty()
          ? message : message + " " + String.join(" ", details));
      response.sendError(status, message);
    }
  }

  /** What a status means, in Danish, for refusals that carry no message of their own. */
  public static String byStatus(int status) {
    return switch (status) {
      case 400 -> "Forespørgslen er ugyldig og er ikke udført.";
      case 401 -> "Du skal være logget ind. Log ind i Tasklist (/camunda) eller brug HTTP Basic.";
      case 403 -> "Du har ikke adgang til at gøre dette.";
      case 404 -> "Siden eller ressourcen findes ikke.";
      case 405 -> "Metoden er ikke tilladt på denne adresse.";
      case 406 -> "Svaret kan ikke leveres i det ønskede format.";
      case 409 -> "Forespørgslen er i konflikt med den nuværende tilstand og er ikke udført.";
      case 413 -> TOO_LARGE;
      case 415 -> "Indholdstypen understøttes ikke her.";
      default -> status >= 500
          ? "Der opstod en uventet fejl på serveren. Intet er ændret; prøv igen, eller kontakt sekretariatet."
          : "Forespørgslen kan ikke udføres.";
    };
  }
}
