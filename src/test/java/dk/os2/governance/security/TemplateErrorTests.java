package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.IntegrationTests;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A page whose template fails while it renders (its model and its template disagree, as after a
 * careless change): the user gets the Danish error page, an HTTP client that asks for JSON gets the
 * Danish refusal as JSON, and the log names the real cause with the address that failed, never a
 * second error of the error handling. The page is a test template ({@code templates/test/}) on a
 * route this test adds to the running application and removes again.
 */
@ExtendWith(OutputCaptureExtension.class)
class TemplateErrorTests extends IntegrationTests {

  private static final String PAGE = "/app/test-skabelonfejl";
  private static final String UNEXPECTED =
      "Der opstod en uventet fejl på serveren. Intet er ændret; prøv igen, eller kontakt sekretariatet.";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private RequestMappingInfo mapping;

  /** The page's controller: more text than the response buffer holds, then the expression that fails. */
  public static class BrokenPage {
    public ModelAndView page() {
      return new ModelAndView("test/template-error",
          Map.of("lines", Collections.nCopies(2_000, "Linje der fylder svarets buffer op."), "page", Map.of()));
    }
  }

  @BeforeEach
  void addThePage() throws NoSuchMethodException {
    mapping = RequestMappingInfo.paths(PAGE).methods(RequestMethod.GET)
        .options(mappings.getBuilderConfiguration()).build();
    mappings.registerMapping(mapping, new BrokenPage(), BrokenPage.class.getMethod("page"));
  }

  @AfterEach
  void removeThePage() {
    mappings.unregisterMapping(mapping);
  }

  @Test
  void aBrowserGetsTheDanishErrorPageNotHalfAPage(CapturedOutput log) throws Exception {
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    HttpResponse<String> response = secretariat.send(secretariat.request("GET", PAGE, null, null)
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.body()).contains("<h1>Forespørgslen kunne ikke udføres</h1>", UNEXPECTED,
        "Tilbage til porteføljen");
    assertThat(response.body()).as("nothing of the page that failed").doesNotContain("Linje der fylder",
        "Side med en fejl i skabelonen");
    assertThat(log.getOut()).as("the real cause, with the address that failed")
        .contains("Unexpected error on GET " + PAGE, "Exception evaluating SpringEL expression: \"page.missing\"")
        .doesNotContain("No converter");
  }

  @Test
  void aClientThatAsksForJsonGetsTheDanishRefusalAsJson(CapturedOutput log) throws Exception {
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    for (String accept : new String[] {"application/json", "*/*"}) {
      HttpResponse<String> response = secretariat.send(secretariat.request("GET", PAGE, null, null)
          .header("Accept", accept));

      assertThat(response.statusCode()).as(accept).isEqualTo(500);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).as(accept).startsWith("application/json");
      JsonNode refusal = JSON.readTree(response.body());
      assertThat(refusal.path("message").asText()).as(accept).isEqualTo(UNEXPECTED);
      assertThat(response.body()).as("nothing of the cause").doesNotContain("Template", "SpringEL", "page.missing");
    }
    assertThat(log.getOut()).contains("Unexpected error on GET " + PAGE).doesNotContain("No converter");
  }
}
