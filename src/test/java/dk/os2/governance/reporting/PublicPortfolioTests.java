package dk.os2.governance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.portfolio.Portfolio;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public portfolio and the badges, opt-in. The suite shares one Spring context, so these tests
 * flip {@code os2.public.enabled} on the settings bean, which is read on every request, and restore
 * it afterwards ({@link #restore()}), rather than starting a context of their own.
 */
class PublicPortfolioTests extends IntegrationTests {

  @Autowired
  Portfolio portfolio;

  @Autowired
  PublicPortfolioSettings settings;

  final HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  boolean before;
  String name;
  String id;

  @BeforeEach
  void product() {
    before = settings.isEnabled();
    name = ReportFixtures.uniqueName("Offentligt Mærke ");
    id = ReportFixtures.product(portfolio, name, "N2", LocalDate.of(2025, 5, 1));
    portfolio.evaluationCycle(id, LocalDate.of(2026, 2, 3), null);
  }

  @AfterEach
  void restore() {
    settings.setEnabled(before);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return stranger.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void switchedOnAStrangerSeesThePortfolioWithoutPersonalDataProposalsOrRejections() throws Exception {
    settings.setEnabled(true);
    String proposed = ReportFixtures.uniqueName("Offentligt Forslag ");
    portfolio.registerProposal(new Portfolio.Proposal(proposed, "Formål", "Behov", "Vejle Kommune", "Hemmelig Person",
        "hemmelig@vejle.dk", "Vejle", "Firma", "MPL-2.0", null, "N1", "kommune", null));
    String rejected = ReportFixtures.uniqueName("Offentligt Afvist ");
    String rejectedId = ReportFixtures.product(portfolio, rejected, "N1", LocalDate.of(2025, 1, 1));
    portfolio.reject(rejectedId);

    HttpResponse<String> page = get("/offentlig");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(name).contains("N2 – i brug i flere kommuner").contains("01-05-2025")
        .contains("03-02-2026").contains("/badge/" + Badge.slug(name) + ".svg");
    assertThat(page.body()).doesNotContain(proposed).doesNotContain(rejected).doesNotContain("Karen Kommune")
        .doesNotContain("karen@aarhus.dk").doesNotContain("Hemmelig Person").doesNotContain("Tasklist");
  }

  @Test
  void switchedOnABadgeShowsTheLevelByIdAndByNameAndIsCached() throws Exception {
    settings.setEnabled(true);
    HttpResponse<String> byId = get("/badge/" + id + ".svg");
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(byId.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(byId.body()).startsWith("<svg").contains("OS2 niveau").contains(">N2<").contains(Badge.OS2_DARK);
    assertThat(byId.headers().firstValue("Cache-Control")).hasValueSatisfying(c ->
        assertThat(c).contains("public").contains("max-age=3600"));
    String etag = byId.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> bySlug = get("/badge/" + Badge.slug(name) + ".svg");
    assertThat(bySlug.statusCode()).isEqualTo(200);
    assertThat(bySlug.body()).isEqualTo(byId.body());

    HttpResponse<String> unchanged = get("/badge/" + id + ".svg", "If-None-Match", etag);
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=3600"));

    // A new level is a new badge: the old ETag no longer matches.
    portfolio.changeLevel(id, "N3", dk.os2.governance.portfolio.ProductStatus.ACTIVE, LocalDate.now(), null);
    HttpResponse<String> promoted = get("/badge/" + id + ".svg", "If-None-Match", etag);
    assertThat(promoted.statusCode()).isEqualTo(200);
    assertThat(promoted.body()).contains(">N3<");

    assertThat(get("/badge/findes-ikke-" + id + ".svg").statusCode()).isEqualTo(404);
  }

  @Test
  void switchedOffBothAnswerExactlyLikeAnUnknownAddress() throws Exception {
    settings.setEnabled(false);
    HttpResponse<String> unknown = get("/ukendt-adresse");
    for (String path : new String[] {"/offentlig", "/badge/" + id + ".svg", "/badge/" + Badge.slug(name) + ".svg"}) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404).isEqualTo(unknown.statusCode());
      assertThat(answer.body()).as(path).isEqualTo(unknown.body()).doesNotContain(name).doesNotContain("N2");
      assertThat(answer.headers().firstValue("Cache-Control")).as(path).isEqualTo(unknown.headers().firstValue("Cache-Control"));
      assertThat(answer.headers().firstValue("ETag")).as(path).isEmpty();
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
          .isEqualTo(unknown.headers().firstValue("Content-Security-Policy"));
    }
  }
}
