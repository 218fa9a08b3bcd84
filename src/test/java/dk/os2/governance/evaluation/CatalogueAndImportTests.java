package dk.os2.governance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.proposal.Proposals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Catalogues, evaluation reports and self-assessments in and out, through the API as the secretariat. */
class CatalogueAndImportTests extends IntegrationTests {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  CatalogueStore catalogues;

  @Autowired
  EvaluationStore evaluationStore;

  @Autowired
  SelfAssessmentStore selfAssessmentStore;

  @Autowired
  Portfolio portfolio;

  @BeforeEach
  void publishOs2Model() {
    // The administrator's first import of OS2's model (the only direct publication there is).
    Response response = post("admin", "/api/catalogues", Fixtures.catalogueYaml());
    assertThat(response.status()).as(response.body()).isIn(200, 201);
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Response post(String user, String path, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "text/plain; charset=UTF-8")
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

  RestClient.Response get(String user, String path) {
    return RestClient.as(baseUrl(), user).get(path);
  }

  // --- catalogues ---

  @Test
  void aPublishedVersionNeverChanges() {
    int before = catalogues.list().size();
    assertThat(post("sekretariat", "/api/catalogues", Fixtures.catalogueYaml()).status())
        .as("the same content again is accepted, nothing new").isEqualTo(200);
    Response changed = post("sekretariat", "/api/catalogues",
        Fixtures.catalogueYaml().replace("Produktet løser et behov", "Produktet løser måske et behov"));
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.json().path("detail").asText()).contains("ny version");
    assertThat(catalogues.list()).hasSize(before);
    assertThat(catalogues.find("os2-evalueringsrapport", "0.9.2").orElseThrow().criterion("R1").orElseThrow().title())
        .isEqualTo("Produktet løser et behov, som mindst én kommune har");

    // A new version is a criteria change (rules.CriteriaChangeProcessTests): never published directly.
    String newVersion = Fixtures.catalogueYaml().replace("version: 0.9.2", "version: 0.9.3-" + UUID.randomUUID());
    Response bySecretariat = post("sekretariat", "/api/catalogues", newVersion);
    assertThat(bySecretariat.status()).isEqualTo(403);
    assertThat(bySecretariat.json().path("detail").asText()).contains("kriterieændring");
    assertThat(post("admin", "/api/catalogues", newVersion).status()).as("not the first import").isEqualTo(409);
    assertThat(catalogues.list()).hasSize(before);
    assertThat(post("bestyrelse", "/api/catalogues", newVersion.replace("0.9.3", "0.9.4")).status()).isEqualTo(403);
  }

  static Stream<Arguments> badCatalogues() {
    String ok = Fixtures.catalogueYaml();
    return Stream.of(
        Arguments.of("not YAML", "id: [unclosed", "hverken gyldig YAML eller JSON"),
        Arguments.of("no criteria", ok.substring(0, ok.indexOf("criteria:")) + "criteria: []", "'criteria'"),
        Arguments.of("unknown theme", ok.replaceFirst("theme: relevans", "theme: økonomi"), "Kriterium R1 har ukendt tema 'økonomi'"),
        Arguments.of("unknown level", ok.replaceFirst("level: sandkasse", "level: '4'"), "Kriterium R1 har ukendt niveau '4'"),
        Arguments.of("duplicate id", ok.replaceFirst("id: R2", "id: R1"), "Kriterium R1 findes to gange"),
        Arguments.of("owner unknown", ok.replaceFirst("owner: forretningsudvalg", "owner: borgmester"), "ukendt ejer 'borgmester'"),
        Arguments.of("mandatory not a boolean", ok.replaceFirst("mandatory: true", "mandatory: måske"), "'mandatory' skal være true eller false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCatalogues")
  void aBadCatalogueIsRefusedByNameAndPublishesNothing(String what, String file, String message) {
    int before = catalogues.list().size();
    Response response = post("sekretariat", "/api/catalogues", file.replace("version: 0.9.2", "version: 9.9.9"));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains(message);
    assertThat(catalogues.list()).hasSize(before);
  }

  // --- evaluation reports ---

  @Test
  void aReportIsImportedWithComputedCountsAndAWarningWhereItsOwnCountsAreWrong() {
    String product = Proposals.uniqueName("OS2rapport");
    Response response = post("sekretariat", "/api/evaluation-reports", Fixtures.report(product, "0.9.2"));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().path("productCreated").asBoolean()).isTrue();
    assertThat(response.json().path("catalogueRegistered").asBoolean()).as("0.9.2 was published").isFalse();

    JsonNode e = get("kommune", "/api/evaluations/" + response.json().path("evaluationId").asText()).json();
    assertThat(e.path("productName").asText()).isEqualTo(product);
    assertThat(e.path("catalogue").path("version").asText()).isEqualTo("0.9.2");
    assertThat(e.path("statedLevel").asText()).isEqualTo("1");
    assertThat(e.path("indicativeLevel").asText()).isEqualTo("1");
    assertThat(e.path("counts").path("byLevel").path("2").toString())
        .isEqualTo("{\"green\":12,\"yellow\":1,\"red\":1,\"grey\":0}");
    assertThat(e.path("counts").path("byTheme").path("formkrav").toString())
        .isEqualTo("{\"green\":12,\"yellow\":0,\"red\":1,\"grey\":0}");
    assertThat(e.path("warnings")).hasSize(1);
    assertThat(e.path("warnings").get(0).asText())
        .contains("Linje 80").contains("optællingen pr. niveau, rækken «2»").contains("🟢 13").contains("🟢 12");
    assertThat(portfolio.productNamed(product).orElseThrow().level()).isEqualTo("N1");

    RestClient.Response page = get("sekretariat", "/app/evalueringer/" + e.path("id").asText());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Evalueringsrapport: <span>" + product).contains("Fordeling pr. niveau")
        .contains("Strategisk sammenhæng").contains("Linje 80").contains("R5");
  }

  @Test
  void anImportedReportIsTheProductsLastEvaluationUnlessALaterOneIsKnown() {
    String product = Proposals.uniqueName("Evalueret");
    String report = Fixtures.report(product, "0.9.2");
    assertThat(post("sekretariat", "/api/evaluation-reports", report).status()).isEqualTo(201);
    Product imported = portfolio.productNamed(product).orElseThrow();
    assertThat(imported.lastEvaluation()).isEqualTo(LocalDate.parse("2025-09-05"));
    assertThat(imported.nextEvaluation()).as("an N1 product is evaluated twice a year too")
        .isEqualTo(LocalDate.now().plusMonths(6));
    assertThat(RestClient.as(baseUrl(), "kommune").get("/api/products/" + imported.id()).json()
        .path("lastEvaluation").asText()).isEqualTo("2025-09-05");

    for (String older : new String[] {"2024-03-01", "5. september 2025"}) {
      assertThat(post("sekretariat", "/api/evaluation-reports", report.replace("2025-09-05", older)).status())
          .isEqualTo(201);
      assertThat(portfolio.product(imported.id()).orElseThrow().lastEvaluation()).as(older)
          .isEqualTo(LocalDate.parse("2025-09-05"));
    }
    assertThat(post("sekretariat", "/api/evaluation-reports", report.replace("2025-09-05", "2026-01-15")).status())
        .isEqualTo(201);
    assertThat(portfolio.product(imported.id()).orElseThrow().lastEvaluation()).isEqualTo(LocalDate.parse("2026-01-15"));

    String review = """
        {"catalogueId": "os2-evalueringsrapport", "catalogueVersion": "0.9.2", "targetLevel": "1",
         "summary": "Gennemgået", "assessments": [{"criterionId": "R1", "light": "GREEN", "rationale": "Ok"}]}""";
    assertThat(postJson("sekretariat", "/api/products/" + imported.id() + "/evaluations", review).status()).isEqualTo(201);
    assertThat(portfolio.product(imported.id()).orElseThrow().lastEvaluation()).as("a reviewer's evaluation today")
        .isEqualTo(LocalDate.now());
  }

  @Test
  void aProductImportedAtN3IsEvaluatedInItsCycle() {
    String product = Proposals.uniqueName("Vital");
    Response response = post("sekretariat", "/api/evaluation-reports",
        Fixtures.report(product, "0.9.2").replace("fastholdes på **niveau 1**", "fastholdes på **niveau 3**"));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    Product imported = portfolio.productNamed(product).orElseThrow();
    assertThat(imported.level()).isEqualTo("N3");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
        .processInstanceBusinessKey(imported.id()).count()).isOne();
    assertThat(imported.nextEvaluation()).isEqualTo(LocalDate.now().plusMonths(6));
    assertThat(imported.lastEvaluation()).isEqualTo(LocalDate.parse("2025-09-05"));
  }

  @Test
  void aReportRoundTripsThroughItsMarkdownExport() {
    String product = Proposals.uniqueName("Rundtur");
    Response first = post("sekretariat", "/api/evaluation-reports", Fixtures.report(product, "0.9.2"));
    String firstId = first.json().path("evaluationId").asText();
    String exported = get("sekretariat", "/api/evaluations/" + firstId + "/markdown").body();

    Response second = post("sekretariat", "/api/evaluation-reports", exported);
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().path("productCreated").asBoolean()).isFalse();
    assertThat(second.json().path("warnings")).as("the export's own counts are right").isEmpty();
    JsonNode a = get("sekretariat", "/api/evaluations/" + firstId).json();
    JsonNode b = get("sekretariat", "/api/evaluations/" + second.json().path("evaluationId").asText()).json();
    assertThat(b.path("counts")).isEqualTo(a.path("counts"));
    assertThat(b.path("themes")).isEqualTo(a.path("themes"));
    assertThat(b.path("statedLevel")).isEqualTo(a.path("statedLevel"));
  }

  @Test
  void aReportOfAnUnknownTemplateVersionRegistersThatVersionFromItsRows() {
    String version = "0.7." + UUID.randomUUID().toString().substring(0, 6);
    Response response = post("sekretariat", "/api/evaluation-reports",
        Fixtures.report(Proposals.uniqueName("Gammel"), version));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().path("catalogueRegistered").asBoolean()).isTrue();
    var registered = catalogues.find("os2-evalueringsrapport", version).orElseThrow();
    assertThat(registered.criteria()).hasSize(42);
    assertThat(registered.criterion("R5").orElseThrow().level()).isEqualTo("2");
  }

  static Stream<Arguments> badReports() {
    UnaryOperator<String> same = r -> r;
    return Stream.of(
        Arguments.of("empty", (UnaryOperator<String>) r -> "  ", "tom"),
        Arguments.of("no product", (UnaryOperator<String>) r -> r.replaceAll("(?m)^# Evaluerings.*$", "# Rapport")
            .replaceAll("(?m)^\\*\\*Produkt:.*$", ""), "produktets navn"),
        Arguments.of("no template version", (UnaryOperator<String>) r -> r.replaceAll("(?m)^\\*\\*Skabelonversion:.*$", ""),
            "skabelonens version"),
        Arguments.of("no criteria table", (UnaryOperator<String>) r -> r.replace("| # | Niveau |", "| Nr | Niveau |"),
            "ingen kriterietabel"),
        Arguments.of("a row with five columns", (UnaryOperator<String>) r -> r.replaceFirst("\\| R2 \\| Sandkasse \\|", "| R2 |"),
            "6 kolonner"),
        Arguments.of("an unknown level", (UnaryOperator<String>) r -> r.replaceFirst("\\| R3 \\| 1 \\|", "| R3 | 4 |"),
            "(R3): ukendt niveau '4'"),
        Arguments.of("an unknown light", (UnaryOperator<String>) r -> r.replaceFirst("🟢 \\| Vurderet", "🟣 | Vurderet"),
            "ukendt vurdering '🟣'"),
        Arguments.of("a criterion twice", (UnaryOperator<String>) r -> r.replaceFirst("\\| R4 \\|", "| R1 |"),
            "R1 står to gange"),
        Arguments.of("no stated level", (UnaryOperator<String>) r -> r.replace("fastholdes på **niveau 1**", "drøftes"),
            "angiver ikke det anbefalede niveau"),
        Arguments.of("a count that is not a number", (UnaryOperator<String>) r -> r.replace("| 1 | 10 | 0 |", "| 1 | ti | 0 |"),
            "'ti' i optællingen er ikke et tal"),
        Arguments.of("a criterion the catalogue version lacks", (UnaryOperator<String>) r -> r.replaceFirst("\\| R6 \\|", "| R99 |"),
            "kriteriet R99 findes ikke i katalogversion 0.9.2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReports")
  void aBadReportIsRefusedByLineOrCriterionAndChangesNothing(String what, UnaryOperator<String> spoil, String message) {
    String product = Proposals.uniqueName("Fejl");
    int evaluations = evaluationStore.count();
    int catalogueCount = catalogues.list().size();
    Response response = post("sekretariat", "/api/evaluation-reports", spoil.apply(Fixtures.report(product, "0.9.2")));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains(message);
    assertThat(evaluationStore.count()).isEqualTo(evaluations);
    assertThat(catalogues.list()).hasSize(catalogueCount);
    assertThat(portfolio.productNamed(product)).isEmpty();
  }

  @Test
  void onlyTheSecretariatImportsReports() {
    assertThat(post("forretningsudvalg", "/api/evaluation-reports", Fixtures.report("X", "0.9.2")).status())
        .isEqualTo(403);
  }

  // --- self-assessments ---

  String productWithReport() {
    String product = Proposals.uniqueName("Selv");
    post("sekretariat", "/api/evaluation-reports", Fixtures.report(product, "0.9.2"));
    return portfolio.productNamed(product).orElseThrow().id();
  }

  ObjectNode selfAssessment(String productName) {
    ObjectNode root = JSON.createObjectNode();
    root.put("productName", productName);
    root.put("filledBy", "Karen Kommune");
    root.put("filledDate", "2025-09-05");
    root.put("generatedAt", "2025-09-05T10:00:00Z");
    ArrayNode krav = root.putArray("krav");
    Fixtures.catalogue().criteria().stream().limit(12).forEach(c -> {
      ObjectNode item = krav.addObject();
      item.put("id", c.id());
      item.put("kategori", c.theme());
      item.put("krav", c.title());
      item.put("produktniveau", c.level());
      item.put("retningslinjer", c.guidance());
      item.put("efterlevet", c.id().equals("R2") ? "Nej" : "Ja");
      item.put("dokumentation", "Se " + c.id() + ".md");
    });
    ((ObjectNode) krav.get(3)).putNull("efterlevet");
    return root;
  }

  @Test
  void aSelfAssessmentIsImportedAsItIsAndExportedTheSame() throws Exception {
    String productId = productWithReport();
    String name = portfolio.product(productId).orElseThrow().name();
    ObjectNode original = selfAssessment(name);
    Response response = post("sekretariat", "/api/products/" + productId + "/self-assessments?version=0.9.2",
        original.toString());
    assertThat(response.status()).as(response.body()).isEqualTo(201);

    JsonNode exported = JSON.readTree(get("kommune", "/api/products/" + productId + "/self-assessments/latest").body());
    assertThat(exported.path("productName")).isEqualTo(original.path("productName"));
    assertThat(exported.path("filledBy")).isEqualTo(original.path("filledBy"));
    assertThat(exported.path("krav").size()).isEqualTo(12);
    for (JsonNode item : original.path("krav")) {
      JsonNode same = null;
      for (JsonNode candidate : exported.path("krav")) {
        if (candidate.path("id").equals(item.path("id"))) {
          same = candidate;
        }
      }
      assertThat(same).as(item.path("id").asText()).isEqualTo(item);
    }
  }

  static Stream<Arguments> badSelfAssessments() {
    return Stream.of(
        Arguments.of("not JSON", (UnaryOperator<ObjectNode>) j -> null, "ikke gyldig JSON"),
        Arguments.of("another product", (UnaryOperator<ObjectNode>) j -> j.put("productName", "OS2andet"),
            "ikke af"),
        Arguments.of("no krav", (UnaryOperator<ObjectNode>) j -> {
          j.remove("krav");
          return j;
        }, "'krav' skal være en ikke-tom liste"),
        Arguments.of("an unknown id", (UnaryOperator<ObjectNode>) j -> {
          ((ObjectNode) j.path("krav").get(0)).put("id", "Z9");
          return j;
        }, "Krav Z9 findes ikke i kataloget"),
        Arguments.of("an invalid answer", (UnaryOperator<ObjectNode>) j -> {
          ((ObjectNode) j.path("krav").get(1)).put("efterlevet", "Måske");
          return j;
        }, "Krav R2: 'efterlevet' skal være Ja, Nej, Ikke relevant, Ved ikke eller null"),
        Arguments.of("a wrong category", (UnaryOperator<ObjectNode>) j -> {
          ((ObjectNode) j.path("krav").get(0)).put("kategori", "governance");
          return j;
        }, "Krav R1: 'kategori' er 'governance', men kataloget har 'relevans'"),
        Arguments.of("an unknown level", (UnaryOperator<ObjectNode>) j -> {
          ((ObjectNode) j.path("krav").get(0)).put("produktniveau", "4");
          return j;
        }, "'produktniveau' skal være sandkasse, 1, 2 eller 3"),
        Arguments.of("a criterion twice", (UnaryOperator<ObjectNode>) j -> {
          ((ArrayNode) j.path("krav")).add(j.path("krav").get(0).deepCopy());
          return j;
        }, "Krav R1 står to gange"),
        Arguments.of("documentation not text", (UnaryOperator<ObjectNode>) j -> {
          ((ObjectNode) j.path("krav").get(2)).put("dokumentation", 42);
          return j;
        }, "'dokumentation' skal være tekst"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSelfAssessments")
  void aBadSelfAssessmentIsRefusedByCriterionAndImportsNothing(String what, UnaryOperator<ObjectNode> spoil,
      String message) {
    String productId = productWithReport();
    ObjectNode json = spoil.apply(selfAssessment(portfolio.product(productId).orElseThrow().name()));
    int before = selfAssessmentStore.count();
    Response response = post("sekretariat", "/api/products/" + productId + "/self-assessments?version=0.9.2",
        json == null ? "{\"productName\": " : json.toString());
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains(message);
    assertThat(selfAssessmentStore.count()).isEqualTo(before);
  }

  // --- reviews ---

  @Test
  void aReviewerEvaluatesBesideTheSelfAssessmentAndCommitteesOnlyTheirOwnCriteria() {
    String productId = productWithReport();
    Response imported = post("sekretariat", "/api/products/" + productId + "/self-assessments?version=0.9.2",
        selfAssessment(portfolio.product(productId).orElseThrow().name()).toString());
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    String review = """
        {"catalogueId": "os2-evalueringsrapport", "catalogueVersion": "0.9.2", "targetLevel": "1",
         "summary": "Gennemgået af sekretariatet",
         "assessments": [{"criterionId": "R1", "light": "GREEN", "rationale": "Dokumenteret"},
                         {"criterionId": "R2", "light": "RED", "rationale": "Brugerne er ikke inddraget"}]}""";
    Response created = postJson("sekretariat", "/api/products/" + productId + "/evaluations", review);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode e = get("sekretariat", "/api/evaluations/" + created.json().path("id").asText()).json();
    assertThat(e.path("indicativeLevel").isNull()).as("R2 is red in the sandbox").isTrue();
    JsonNode r2 = e.path("themes").get(0).path("items").get(1);
    assertThat(r2.path("criterionId").asText()).isEqualTo("R2");
    assertThat(r2.path("selfAnswer").asText()).as("the product's own answer beside it").isEqualTo("Nej");
    assertThat(r2.path("selfDocumentation").asText()).isEqualTo("Se R2.md");

    Response notTheirs = postJson("forretningsudvalg", "/api/products/" + productId + "/evaluations",
        review.replace("\"R2\"", "\"F8\""));
    assertThat(notTheirs.status()).isEqualTo(400);
    assertThat(notTheirs.json().path("detail").asText()).contains("F8 ejes af koordinationsudvalg");
    Response noRationale = postJson("sekretariat", "/api/products/" + productId + "/evaluations",
        review.replace("\"Brugerne er ikke inddraget\"", "\"\""));
    assertThat(noRationale.json().path("detail").asText()).contains("R2: skriv en begrundelse");
    assertThat(postJson("bestyrelse", "/api/products/" + productId + "/evaluations", review).status()).isEqualTo(403);
  }

  Response postJson(String user, String path, String json) {
    RestClient.Response r = RestClient.as(baseUrl(), user).post(path, readTree(json));
    return new Response(r.status(), r.body());
  }

  static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
