package dk.os2.governance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.criteria.SelfAssessmentCheck;
import dk.os2.governance.deviation.DeviationRegister;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.portfolio.Portfolio;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report packs for a period: what they contain (the period's decisions with their
 * justifications and nothing outside it), the PDF of the same content, Danish dates, and who may
 * open them.
 */
class ReportPackTests extends IntegrationTests {

  static final String PERIOD = "?fra=01-03-2023&til=30-06-2023";

  @Autowired
  Portfolio portfolio;

  String inside;
  String before;
  String after;

  @BeforeEach
  void decisions() {
    inside = ReportFixtures.uniqueName("Rapportperiode");
    before = ReportFixtures.uniqueName("Rapportfoer");
    after = ReportFixtures.uniqueName("Rapportefter");
    String in = ReportFixtures.product(portfolio, inside, "N2", LocalDate.of(2023, 4, 12));
    ReportFixtures.boardDecision(portfolio, in, "approve", "N2", "Produktet bruges i fire kommuner",
        "Bestyrelsen fraviger indstillingen efter drøftelse " + inside, LocalDate.of(2023, 4, 12));
    String early = ReportFixtures.product(portfolio, before, "N1", LocalDate.of(2023, 2, 28));
    ReportFixtures.boardDecision(portfolio, early, "approve", "N1", "Før perioden", null, LocalDate.of(2023, 2, 28));
    String late = ReportFixtures.product(portfolio, after, "N1", LocalDate.of(2023, 7, 1));
    ReportFixtures.boardDecision(portfolio, late, "reject", null, "Efter perioden", null, LocalDate.of(2023, 7, 1));
  }

  @Test
  void theBoardsReportHoldsThePeriodsDecisionsWithTheirJustificationAndNothingOutsideIt() {
    RestClient.Response page = RestClient.as(baseUrl(), "sekretariat").get("/app/rapporter/bestyrelse" + PERIOD);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("Porteføljerapport til bestyrelsen").contains("01-03-2023").contains("30-06-2023")
        .contains(inside).contains("Godkendt (Bestyrelsen)").contains("Produktet bruges i fire kommuner")
        .contains("Bestyrelsen fraviger indstillingen efter drøftelse " + inside).contains("12-04-2023")
        .contains("Porteføljen pr. niveau").contains("Forfaldne evalueringer").contains("Dokumenterede afvigelser")
        .contains("Regelændringer").contains("Hent som PDF").contains("@media print");
    assertThat(page.body()).doesNotContain(before).doesNotContain(after).doesNotContain(">approve<");
  }

  @Test
  void theAnnualReportIsAPdfOfTheSameContent() throws Exception {
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/app/rapporter/generalforsamling.pdf" + PERIOD))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("generalforsamling:demo"
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
        assertThat(d).contains("attachment").contains(".pdf"));
    String text = text(pdf.body());
    assertThat(text).contains("Årsrapport til generalforsamlingen").contains("01-03-2023").contains(inside)
        .contains("Godkendt (Bestyrelsen)").contains("Bestyrelsen fraviger indstillingen efter drøftelse " + inside)
        .doesNotContain(before).doesNotContain(after);
  }

  /** The PDF's text, its line breaks read as spaces. */
  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void onlyTheSecretariatTheBoardAndTheGeneralAssemblyMayOpenThem() {
    for (String user : new String[] {"sekretariat", "bestyrelse", "generalforsamling"}) {
      assertThat(RestClient.as(baseUrl(), user).get("/app/rapporter").status()).as(user).isEqualTo(200);
      assertThat(RestClient.as(baseUrl(), user).get("/app/rapporter/bestyrelse" + PERIOD).status()).as(user).isEqualTo(200);
    }
    for (String user : new String[] {"kommune", "forretningsudvalg", "koordinationsudvalg"}) {
      for (String path : new String[] {"/app/rapporter", "/app/rapporter/bestyrelse" + PERIOD,
          "/app/rapporter/generalforsamling.pdf" + PERIOD}) {
        RestClient.Response refused = RestClient.as(baseUrl(), user).get(path);
        assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
        assertThat(refused.body()).as(user + " " + path)
            .contains("Kun sekretariatet, bestyrelsen og generalforsamlingen kan åbne rapporterne.")
            .doesNotContain(inside);
      }
    }
    RestClient.Response stranger = RestClient.anonymous(baseUrl()).get("/app/rapporter/bestyrelse" + PERIOD);
    assertThat(stranger.status()).isIn(302, 401);
    assertThat(stranger.body()).doesNotContain(inside);
  }

  @Test
  void aPeriodThatCannotBeReadIsRefusedInDanishAtTheForm() {
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    RestClient.Response slashes = secretariat.get("/app/rapporter/bestyrelse?fra=03/01/2023&til=30-06-2023");
    assertThat(slashes.status()).isEqualTo(400);
    assertThat(slashes.body()).contains("Fra-datoen skal skrives dag-måned-år").contains("id=\"periode-fejl\"")
        .contains("value=\"03/01/2023\"");
    RestClient.Response backwards = secretariat.get("/app/rapporter/bestyrelse?fra=30-06-2023&til=01-03-2023");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body()).contains("ligger efter til-datoen");
    RestClient.Response noDay = secretariat.get("/app/rapporter/generalforsamling.pdf?fra=31-02-2023&til=01-03-2023");
    assertThat(noDay.status()).isEqualTo(400);
    assertThat(noDay.body()).contains("findes ikke");
    assertThat(secretariat.get("/app/rapporter/ukendt" + PERIOD).status()).isEqualTo(404);
  }

  @Test
  void theReportsListOpenDeviationsThatExpireWithinThreeMonthsOfThePeriodsEnd(@Autowired Catalogue catalogue,
      @Autowired DeviationRegister register) {
    String name = ReportFixtures.uniqueName("Rapportafvigelse");
    String product = ReportFixtures.product(portfolio, name, "N1", LocalDate.now().minusDays(3));
    Criterion deviating = catalogue.criterion("N1-2").orElseThrow();
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Criterion c : catalogue.criteriaUpTo("N1")) {
      answers.put(c.answerVariable(), "Ja");
    }
    answers.put(deviating.answerVariable(), "Nej");
    answers.put(deviating.deviationVariable(), "Skabelonen kommer i næste version " + name);
    // Entered today with the default validity of one year.
    register.fromLevelCheck(product, SelfAssessmentCheck.check(catalogue, "N1", answers), null);

    DateTimeFormatter danish = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    String reaching = "?fra=" + LocalDate.now().minusMonths(1).format(danish) + "&til="
        + LocalDate.now().plusMonths(10).format(danish);
    String page = RestClient.as(baseUrl(), "bestyrelse").get("/app/rapporter/bestyrelse" + reaching).body();
    assertThat(page).contains("Afvigelser, der udløber").contains("Skabelonen kommer i næste version " + name)
        .contains(LocalDate.now().plusYears(1).format(danish));

    // A period that ends long before the expiry date does not list it.
    assertThat(RestClient.as(baseUrl(), "bestyrelse").get("/app/rapporter/bestyrelse" + PERIOD).body())
        .doesNotContain("Skabelonen kommer i næste version " + name);
  }
}
