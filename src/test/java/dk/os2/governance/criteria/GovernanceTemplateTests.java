package dk.os2.governance.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * OS2's "Governancerapport" template published as a catalogue version: the criteria per theme and
 * level as the template's tables hold them, the variants real files have, and refusals that name
 * the line and publish nothing.
 */
class GovernanceTemplateTests extends IntegrationTests {

  @Autowired
  CatalogueStore catalogues;

  static String template() {
    try (InputStream in = GovernanceTemplateTests.class.getResourceAsStream("/fixtures/governancerapport-skabelon.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Criteria per theme and level, e.g. {formkrav={1=2, 2=2, sandkasse=2}, …}. */
  static Map<String, Map<String, Long>> byThemeAndLevel(Catalogue catalogue) {
    return catalogue.criteria().stream().collect(Collectors.groupingBy(Criterion::theme, TreeMap::new,
        Collectors.groupingBy(Criterion::level, TreeMap::new, Collectors.counting())));
  }

  @Test
  void theTemplateIsACatalogueWithItsCriteriaPerThemeAndLevel() {
    Catalogue catalogue = CatalogueReader.read(template());

    assertThat(catalogue.id()).isEqualTo("os2-governancerapport");
    assertThat(catalogue.version()).isEqualTo("1.1.0");
    assertThat(catalogue.reference()).isEqualTo("os2-governancerapport 1.1.0");
    assertThat(catalogue.levels()).extracting(Catalogue.Level::id).containsExactly("sandkasse", "1", "2", "3");
    assertThat(catalogue.themes()).extracting(Catalogue.Theme::name)
        .containsExactly("Relevans", "Formkrav", "Strategisk sammenhæng", "Governance");
    assertThat(catalogue.criteria()).hasSize(18);
    assertThat(byThemeAndLevel(catalogue)).isEqualTo(Map.of(
        "relevans", Map.of("sandkasse", 1L, "2", 2L, "3", 1L),
        "formkrav", Map.of("sandkasse", 2L, "1", 2L, "2", 2L),
        "strategisk", Map.of("1", 1L, "2", 1L, "3", 1L),
        "governance", Map.of("sandkasse", 1L, "2", 3L, "3", 1L)));
    assertThat(catalogue.criteriaUpTo("sandkasse")).hasSize(4);
    assertThat(catalogue.criteriaUpTo("1")).hasSize(7);
    assertThat(catalogue.criteriaUpTo("2")).hasSize(15);
    Criterion r2 = catalogue.criterion("R2").orElseThrow();
    assertThat(r2.title()).isEqualTo("En leder har sagt god for produktet");
    assertThat(r2.guidance()).isEqualTo("Henvis til en beslutning, et referat eller en mail fra ledelsen.");
    assertThat(r2.mandatory()).isTrue();
    assertThat(catalogue.criterion("G5").orElseThrow().mandatory()).as("'Anbefaling:' is a recommendation").isFalse();
    assertThat(catalogue.criteria()).filteredOn(Criterion::mandatory).hasSize(17);
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("CRLF line ends and a BOM", (UnaryOperator<String>) t -> "\uFEFF" + t.replace("\n", "\r\n")),
        Arguments.of("no front matter", (UnaryOperator<String>) t -> t.substring(t.indexOf("# Governancerapport"))),
        Arguments.of("alignment colons and extra spaces", (UnaryOperator<String>) t -> t
            .replace("| --- | --------------------------------------------- | ------------- | -------------- |",
                "|:---:|:----------------------------------------------|:-------------:|---------------:|")
            .replace("| R2 | En leder", "|   R2   |   En leder")),
        Arguments.of("levels written Niveau 2, N2 and bold", (UnaryOperator<String>) t -> t
            .replace("| 2 | Henvis til en beslutning", "| Niveau 2 | Henvis til en beslutning")
            .replace("| 2 | Beskriv formaterne", "| N2 | Beskriv formaterne")
            .replace("| 3 | Nævn de planer", "| **3** | Nævn de planer")
            .replace("| sandkasse | Giv et link til repositoriet", "| Sandkasse | Giv et link til repositoriet")),
        Arguments.of("headings with emoji, two trailing spaces instead of <br/>", (UnaryOperator<String>) t -> t
            .replace("## STRATEGISK SAMMENHÆNG", "## 🏛️ STRATEGISK SAMMENHÆNG").replace("## RELEVANS", "## 🎯 RELEVANS")
            .replace("<br/>\n", "  \n")),
        Arguments.of("a filled-in report with the columns Efterlevet? and Dokumentation", (UnaryOperator<String>) t -> t
            .replace("| # | Krav | Produktniveau | Retningslinjer |", "| # | Krav | Produktniveau | Retningslinjer | Efterlevet? | Dokumentation |")
            .replace("| -------------- |", "| -------------- | --- | --- |")
            .replaceAll("(?m)^(\\| [RFSG]\\d .*\\|)$", "$1 Ja | Se repo |")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void variantsReadAsTheSameCatalogue(String what, UnaryOperator<String> variant) {
    String text = variant.apply(template());
    assertThat(text).as("the variant changed the file").isNotEqualTo(template());
    assertThat(CatalogueReader.read(text)).isEqualTo(CatalogueReader.read(template()));
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("no version", (UnaryOperator<String>) t -> t.replace("> **Version for anvendt governancerapport:** 1.1.0<br/>\n", "")
            .replace("# Governancerapport for", "Version for anvendt governancerapport mangler\n# Governancerapport for"),
            "Skabelonen angiver ikke sin version: der mangler en linje som '> **Version for anvendt governancerapport:** 1.1.0' i informationsblokken."),
        Arguments.of("a version that is not a version", (UnaryOperator<String>) t -> t.replace("governancerapport:** 1.1.0", "governancerapport:** seneste"),
            "Linje 10: versionen 'seneste' skal være tal adskilt af punktummer (f.eks. 1.1.0)."),
        Arguments.of("an unknown level", (UnaryOperator<String>) t -> t.replace("| 2 | Beskriv formaterne", "| N7 | Beskriv formaterne"),
            "Linje 42 (S2): ukendt produktniveau 'N7'; brug Sandkasse, 1, 2 eller 3 (også skrevet 'Niveau 2' eller 'N2')."),
        Arguments.of("an id twice", (UnaryOperator<String>) t -> t.replace("| F6 | Brugerne", "| F5 | Brugerne"),
            "Linje 35 (F5): kravet F5 står også på linje 34."),
        Arguments.of("a table without Produktniveau", (UnaryOperator<String>) t -> t.replaceFirst(
            "\\| # \\| Krav \\| Produktniveau \\| Retningslinjer \\|", "| # | Krav | Niveau | Retningslinjer |"),
            "Linje 19: kravtabellen mangler kolonnen 'Produktniveau' (ventet: | # | Krav | Produktniveau | Retningslinjer |)."),
        Arguments.of("a row without a number", (UnaryOperator<String>) t -> t.replace("| G1 | Der er", "|  | Der er"),
            "Linje 49: rækken mangler kravets nummer i kolonnen '#'."),
        Arguments.of("a row with too few cells", (UnaryOperator<String>) t -> t.replace("| F4 | Der er en vejledning til installation | 1 | Henvis til vejledningen. |", "| F4 | Der er en vejledning til installation |"),
            "Linje 33: rækken har 2 celler, men tabellen har 4 kolonner."),
        Arguments.of("a table under no theme", (UnaryOperator<String>) t -> t.replace("## RELEVANS\n", ""),
            "Linje 18: kravtabellen står ikke under en temaoverskrift (f.eks. '## RELEVANS')."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aBadTemplateIsRefusedNamingTheLineAndPublishesNothing(String what, UnaryOperator<String> change, String message) {
    String bad = change.apply(template());
    assertThatThrownBy(() -> CatalogueReader.read(bad)).isInstanceOf(CatalogueFormatException.class)
        .satisfies(e -> assertThat(((CatalogueFormatException) e).problems()).contains(message));

    int before = catalogues.list().size();
    Response refused = post("sekretariat", withVersion(bad, uniqueVersion()));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("Kataloget kan ikke læses");
    assertThat(catalogues.list()).hasSize(before);
  }

  @Test
  void theTemplateIsPublishedAsACatalogueVersionOnlyThroughACriteriaChange() {
    String version = uniqueVersion();
    String template = withVersion(template(), version);
    int before = catalogues.list().size();

    assertThat(post("bestyrelse", template).status()).as("only the secretariat may even ask").isEqualTo(403);
    Response direct = post("sekretariat", template);
    assertThat(direct.status()).as("a new version is a criteria change, never published directly").isEqualTo(403);
    assertThat(direct.body()).contains("kriterieændring");
    assertThat(catalogues.list()).hasSize(before);

    // What the board's approval of a criteria change does (rules.CriteriaChangeProcessTests walks the process).
    approve(template);
    Catalogue published = catalogues.find("os2-governancerapport", version).orElseThrow();
    assertThat(byThemeAndLevel(published)).isEqualTo(byThemeAndLevel(CatalogueReader.read(template())));
    assertThat(catalogues.list()).filteredOn(p -> p.version().equals(version)).singleElement()
        .satisfies(p -> assertThat(p.title()).isEqualTo("OS2 Governancerapport " + version))
        .satisfies(p -> assertThat(p.criteria()).isEqualTo(18));
    RestClient.Response read = RestClient.as(baseUrl(), "bestyrelse").get("/api/catalogues/os2-governancerapport/" + version);
    assertThat(read.json().path("criteria")).hasSize(18);

    assertThat(post("sekretariat", template.replace("\n", "\r\n")).status()).as("the same again, CRLF aside").isEqualTo(200);
    Response changed = post("sekretariat", template.replace("Koden ligger offentligt", "Koden ligger måske offentligt"));
    assertThat(changed.status()).as("a published version never changes").isEqualTo(409);
    assertThat(catalogues.list()).hasSize(before + 1);
  }

  void approve(String template) {
    catalogues.publishApproved(CatalogueReader.read(template),
        new CatalogueStore.Approval(java.time.LocalDate.now(), null, null, "bestyrelse"));
  }

  @Test
  void aSelfAssessmentIsImportedAgainstTheVersionItNamesOrTheOneItsIdsMatchAndTheImportSaysWhich() throws Exception {
    String version = uniqueVersion();
    approve(withVersion(template(), version));
    String name = dk.os2.governance.proposal.Proposals.uniqueName("Skabelon");
    String product = portfolio.registerProposal(new dk.os2.governance.portfolio.Portfolio.Proposal(name, "Formål",
        "Behov", "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", "N1", "kommune", null));
    Catalogue template = CatalogueReader.read(template());
    com.fasterxml.jackson.databind.node.ObjectNode file = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    file.put("productName", name);
    file.put("filledBy", "Karen Kommune");
    file.put("filledDate", "2026-11-20");
    com.fasterxml.jackson.databind.node.ArrayNode krav = file.putArray("krav");
    for (Criterion c : template.criteria()) {
      krav.addObject().put("id", c.id()).put("kategori", c.theme()).put("krav", c.title())
          .put("produktniveau", c.level()).put("efterlevet", "Ja").put("dokumentation", "Se " + c.id());
    }

    RestClient.Response matched = RestClient.as(baseUrl(), "sekretariat")
        .post("/api/products/" + product + "/self-assessments", file);
    assertThat(matched.status()).as(matched.body()).isEqualTo(201);
    assertThat(matched.json().path("catalogue").asText()).as("the template's ids, not OS2's 43-criterion model")
        .startsWith("os2-governancerapport ");
    assertThat(matched.json().path("catalogueFoundBy").asText()).isEqualTo("genkendt på kriteriernes id'er");

    file.put("catalogue", "os2-governancerapport " + version);
    RestClient.Response named = RestClient.as(baseUrl(), "sekretariat")
        .post("/api/products/" + product + "/self-assessments", file);
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    assertThat(named.json().path("catalogue").asText()).isEqualTo("os2-governancerapport " + version);
    assertThat(named.json().path("catalogueFoundBy").asText()).isEqualTo("angivet i filen");

    file.put("catalogue", "os2-governancerapport 0.0.1");
    RestClient.Response unknown = RestClient.as(baseUrl(), "sekretariat")
        .post("/api/products/" + product + "/self-assessments", file);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("Filen angiver kataloget 'os2-governancerapport 0.0.1', som ikke er udgivet");
  }

  @Autowired
  dk.os2.governance.portfolio.Portfolio portfolio;

  static String uniqueVersion() {
    return "1.1." + ThreadLocalRandom.current().nextInt(1_000, 1_000_000_000);
  }

  static String withVersion(String template, String version) {
    return template.replace("governancerapport:** 1.1.0", "governancerapport:** " + version);
  }

  record Response(int status, String body) {}

  Response post(String user, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/catalogues"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "text/markdown; charset=UTF-8")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
