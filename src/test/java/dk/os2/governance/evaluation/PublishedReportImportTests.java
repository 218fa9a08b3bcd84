package dk.os2.governance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.proposal.Proposals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * OS2's published reports imported as the secretariat would: what the evaluation keeps, what the
 * product shows (its last evaluation, the stated level as a historic decision), a report imported
 * twice, the bulk bootstrap with good, warning and bad files, and the round trip through the
 * Markdown export for every shipped catalogue.
 */
class PublishedReportImportTests extends IntegrationTests {

  @Autowired
  Portfolio portfolio;

  @Autowired
  EvaluationStore evaluations;

  @Autowired
  ReportBulkImport bulk;

  @BeforeEach
  void publishTheOs2ModelTheFixturesUse() {
    // The administrator's first import of OS2's model (the only direct publication there is).
    RestClient.Response r = raw("admin", "POST", "/api/catalogues", "application/yaml",
        Fixtures.catalogueYaml().getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  static String report(String file, String product) {
    return Fixtures.text(file).replace("{{PRODUCT}}", product);
  }

  RestClient.Response raw(String method, String path, String type, byte[] body) {
    return raw("sekretariat", method, path, type, body);
  }

  RestClient.Response raw(String user, String method, String path, String type, byte[] body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request,
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new RestClient.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  RestClient.Response importReport(String markdown) {
    return raw("POST", "/api/evaluation-reports", "text/markdown; charset=UTF-8", markdown.getBytes(StandardCharsets.UTF_8));
  }

  JsonNode evaluation(String id) {
    return RestClient.as(baseUrl(), "kommune").get("/api/evaluations/" + id).json();
  }

  static String tally(int green, int yellow, int red, int grey) {
    return "{\"green\":" + green + ",\"yellow\":" + yellow + ",\"red\":" + red + ",\"grey\":" + grey + "}";
  }

  @Test
  void aPublishedReportIsImportedWithItsInformationAndTheProductShowsItsDateAndLevel() {
    String name = Proposals.uniqueName("OS2kalenderbro");
    RestClient.Response response = importReport(report("os2-rapport.md", name));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().path("warnings")).isEmpty();
    assertThat(response.json().path("productCreated").asBoolean()).isTrue();

    JsonNode e = evaluation(response.json().path("evaluationId").asText());
    assertThat(e.path("productName").asText()).isEqualTo(name);
    assertThat(e.path("catalogue").path("version").asText()).isEqualTo("0.9.2");
    assertThat(e.path("evaluatedOn").asText()).isEqualTo("2026-01-14");
    assertThat(e.path("author").asText()).isEqualTo("Birthe Bjerregaard");
    assertThat(e.path("authorEmail").asText()).isEqualTo("birthe.bjerregaard@example.dk");
    assertThat(e.path("links").toString()).contains("Produktets GitHub organisation")
        .contains("https://github.com/example-kalenderbro").contains("OS2 hjemmeside link")
        .contains("Anvendt Governance Rapport");
    assertThat(e.path("summary").asText()).contains("booke mødelokaler");
    assertThat(e.path("overall").asText()).contains("exit-strategi");
    assertThat(e.path("recommendations").asText()).contains("Udarbejd en SLA");
    assertThat(e.path("statedLevel").asText()).isEqualTo("2");
    assertThat(e.path("indicativeLevel").asText()).isEqualTo("2");
    JsonNode byLevel = e.path("counts").path("byLevel");
    assertThat(byLevel.path("sandkasse").toString()).isEqualTo(tally(6, 1, 0, 0));
    assertThat(byLevel.path("1").toString()).isEqualTo(tally(7, 3, 0, 0));
    assertThat(byLevel.path("2").toString()).isEqualTo(tally(8, 5, 1, 0));
    assertThat(byLevel.path("3").toString()).isEqualTo(tally(1, 3, 8, 0));
    assertThat(e.path("counts").path("byTheme").path("governance").toString()).isEqualTo(tally(7, 1, 4, 0));

    Product product = portfolio.productNamed(name).orElseThrow();
    assertThat(product.level()).isEqualTo("N2");
    assertThat(product.lastEvaluation()).isEqualTo(LocalDate.of(2026, 1, 14));
    List<Decision> decisions = portfolio.decisions(product.id());
    assertThat(decisions).hasSize(1);
    Decision historic = decisions.get(0);
    assertThat(historic.processInstanceId()).as("no process's decision").isNull();
    assertThat(historic.taskKey()).isEqualTo("importedReport");
    assertThat(historic.outcome()).isEqualTo("historic");
    assertThat(historic.level()).isEqualTo("N2");
    assertThat(historic.decidedAt()).isEqualTo(LocalDate.of(2026, 1, 14).atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant());
    assertThat(historic.rationale()).isEqualTo("Niveau 2 ifølge importeret evalueringsrapport af Birthe Bjerregaard "
        + "(birthe.bjerregaard@example.dk), dateret 14-01-2026.");

    String page = RestClient.as(baseUrl(), "sekretariat").get("/app/produkter/" + product.id()).body();
    assertThat(page).contains("Niveau ifølge importeret rapport (historisk)").contains("14-01-2026")
        .contains("af Birthe Bjerregaard (birthe.bjerregaard@example.dk), dateret 14-01-2026");
    String reportPage = RestClient.as(baseUrl(), "sekretariat")
        .get("/app/evalueringer/" + e.path("id").asText()).body();
    assertThat(reportPage).contains("birthe.bjerregaard@example.dk")
        .contains("href=\"https://github.com/example-kalenderbro\"");
  }

  @Test
  void everyVariantOfTheLayoutImportsToTheSameCounts() {
    String base = Fixtures.text("os2-rapport.md");
    Map<String, String> variants = Map.of(
        "BOM and CRLF", "\uFEFF" + base.replace("\n", "\r\n"),
        "no front matter", base.substring(base.indexOf("# Vurdering")),
        "padded tables, alignment colons, words for lights, 'Niveau 2'", Fixtures.text("os2-rapport-ord.md"));
    variants.forEach((what, markdown) -> {
      String name = Proposals.uniqueName("Variant");
      RestClient.Response response = importReport(markdown.replace("{{PRODUCT}}", name));
      assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(201);
      assertThat(response.json().path("warnings")).as(what).isEmpty();
      JsonNode e = evaluation(response.json().path("evaluationId").asText());
      assertThat(e.path("counts").path("byLevel").path("2").toString()).as(what).isEqualTo(tally(8, 5, 1, 0));
      assertThat(e.path("counts").path("byLevel").path("3").toString()).as(what).isEqualTo(tally(1, 3, 8, 0));
      assertThat(portfolio.productNamed(name).orElseThrow().level()).as(what).isEqualTo("N2");
    });
  }

  @Test
  void aReportWhoseHandMadeTablesDisagreeIsImportedFromItsRowsWithAWarningPerDisagreement() {
    String name = Proposals.uniqueName("Uenig");
    RestClient.Response response = importReport(report("os2-rapport-uenige-tabeller.md", name));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode e = evaluation(response.json().path("evaluationId").asText());
    assertThat(e.path("counts").path("byLevel").path("2").toString()).isEqualTo(tally(8, 5, 1, 0));
    List<String> warnings = new ArrayList<>();
    e.path("warnings").forEach(w -> warnings.add(w.asText()));
    assertThat(warnings).hasSize(5);
    assertThat(warnings.get(0)).isEqualTo("Linje 100: optællingen pr. niveau, rækken «Niveau 2»: rapporten siger "
        + "🟢 9 🟡 5 🔴 1 i alt 15, men kriterierækkerne giver 🟢 8 🟡 5 🔴 1 i alt 14.");
    assertThat(warnings.get(3)).startsWith("Linje 109: tabellen tema × niveau, rækken «Governance», kolonnen «Niveau 3»");
    String page = RestClient.as(baseUrl(), "sekretariat").get("/app/evalueringer/" + e.path("id").asText()).body();
    assertThat(page).contains("Advarsler").contains("rækken «Samlet», kolonnen «Niveau 2»");
  }

  @Test
  void theSameReportImportedTwiceIsRecognisedAndChangesNothing() {
    String name = Proposals.uniqueName("Dobbelt");
    String markdown = report("os2-rapport.md", name);
    RestClient.Response first = importReport(markdown);
    assertThat(first.status()).isEqualTo(201);
    int before = evaluations.count();
    String productId = portfolio.productNamed(name).orElseThrow().id();

    for (String again : List.of(markdown, "\uFEFF" + markdown.replace("\n", "\r\n"))) {
      RestClient.Response second = importReport(again);
      assertThat(second.status()).as(second.body()).isEqualTo(200);
      assertThat(second.json().path("duplicate").asBoolean()).isTrue();
      assertThat(second.json().path("evaluationId").asText()).isEqualTo(first.json().path("evaluationId").asText());
    }
    assertThat(evaluations.count()).isEqualTo(before);
    assertThat(evaluations.idsForProduct(productId)).hasSize(1);
    assertThat(portfolio.decisions(productId)).hasSize(1);

    RestClient.Response changed = importReport(markdown.replace("14-01-2026", "15-07-2026"));
    assertThat(changed.status()).as("another report of the same product").isEqualTo(201);
    assertThat(evaluations.idsForProduct(productId)).hasSize(2);
    assertThat(portfolio.product(productId).orElseThrow().lastEvaluation()).isEqualTo(LocalDate.of(2026, 7, 15));
  }

  @Test
  void theSameReportArrivingTwiceAtOnceIsImportedOnce() throws Exception {
    String name = Proposals.uniqueName("Samtidig");
    String markdown = report("os2-rapport.md", name);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> importReport(markdown));
      var second = pool.submit(() -> importReport(markdown));
      List<Integer> statuses = new ArrayList<>(List.of(first.get().status(), second.get().status()));
      statuses.sort(null);
      assertThat(statuses).as(first.get().body() + second.get().body()).containsExactly(200, 201);
    } finally {
      pool.shutdown();
    }
    String productId = portfolio.productNamed(name).orElseThrow().id();
    assertThat(evaluations.idsForProduct(productId)).hasSize(1);
    assertThat(portfolio.decisions(productId)).hasSize(1);
  }

  // --- bulk -------------------------------------------------------------------------------------

  static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  @Test
  void aZipOfGoodWarningAndBadReportsGivesOneLinePerFileAndImportsTheGoodOnes() {
    String good = Proposals.uniqueName("Bulkgod");
    String warned = Proposals.uniqueName("Bulkuenig");
    String bad = Proposals.uniqueName("Bulkdaarlig");
    String already = Proposals.uniqueName("Bulkkendt");
    assertThat(importReport(report("os2-rapport.md", already)).status()).isEqualTo(201);
    java.util.LinkedHashMap<String, String> files = new java.util.LinkedHashMap<>();
    files.put("rapporter/", "");
    files.put("rapporter/" + good + ".md", report("os2-rapport-ord.md", good));
    files.put("rapporter/" + warned + ".md", report("os2-rapport-uenige-tabeller.md", warned));
    files.put("rapporter/" + bad + ".md", report("os2-rapport.md", bad).replace("> **Evalueringsskabelon version:** 0.9.2  \n", ""));
    files.put("rapporter/" + already + ".md", report("os2-rapport.md", already));
    files.put("rapporter/noter.docx", "ikke markdown");
    files.put("__MACOSX/rapporter/._x.md", "metadata");
    int before = evaluations.count();

    List<ReportBulkImport.Line> lines = bulk.importAll(List.of(
        new ReportBulkImport.Upload("portefolje.zip", zip(files))), "sekretariat");

    assertThat(lines).extracting(ReportBulkImport.Line::file).containsExactly(
        "portefolje.zip/rapporter/" + good + ".md", "portefolje.zip/rapporter/" + warned + ".md",
        "portefolje.zip/rapporter/" + bad + ".md", "portefolje.zip/rapporter/" + already + ".md",
        "portefolje.zip/rapporter/noter.docx");
    assertThat(lines).extracting(ReportBulkImport.Line::outcome).containsExactly(
        ReportBulkImport.Outcome.IMPORTED, ReportBulkImport.Outcome.IMPORTED_WITH_WARNINGS,
        ReportBulkImport.Outcome.REFUSED, ReportBulkImport.Outcome.ALREADY_IMPORTED, ReportBulkImport.Outcome.REFUSED);
    assertThat(lines.get(1).details()).hasSize(5);
    assertThat(lines.get(2).details()).singleElement().asString().contains("skabelonens version");
    assertThat(lines.get(4).details()).singleElement().asString().contains("ikke en Markdown-fil");
    assertThat(evaluations.count()).as("the good and the warned").isEqualTo(before + 2);
    assertThat(portfolio.productNamed(good)).isPresent();
    assertThat(portfolio.productNamed(warned)).isPresent();
    assertThat(portfolio.productNamed(bad)).as("a refused file changes nothing").isEmpty();
  }

  /** A browser session of the secretariat on /app, with the webapps' CSRF token. */
  record Session(HttpClient client, CookieManager cookies) {

    String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .reduce((a, b) -> b).orElseThrow().getValue();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }

  Session login(String user) throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    Session s = new Session(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
    s.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/")));
    HttpResponse<String> login = s.send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", s.token())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    s.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/")));
    return s;
  }

  static final String BOUNDARY = "os2bulkboundary42";

  static byte[] multipart(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.forEach((name, content) -> {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void theSecretariatUploadsSeveralFilesOverOneMegabyteOnTheImportPageAndReadsALinePerFile() throws Exception {
    // Three reports of about 400 KB each: more than the 1 MB any other route takes.
    String padding = "\n\n## 📎 Bilag\n\n" + "Referat af koordinationsmøde med gennemgang af krav og status. ".repeat(6000);
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String name = Proposals.uniqueName("Stor");
      names.add(name);
      files.put(name + ".md", (report("os2-rapport.md", name) + padding).getBytes(StandardCharsets.UTF_8));
    }
    files.put("forkert.md", "# Hej\nintet her".getBytes(StandardCharsets.UTF_8));
    byte[] body = multipart(files);
    assertThat(body.length).isGreaterThan(1024 * 1024);

    Session secretariat = login("sekretariat");
    HttpResponse<String> page = secretariat.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/app/import/rapporter"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("X-XSRF-TOKEN", secretariat.token())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("4 filer: 3 importeret, 0 importeret med advarsler, 0 allerede importeret, 1 afvist.")
        .contains("forkert.md").contains("Afvist; intet ændret").contains("produktets navn");
    names.forEach(n -> assertThat(portfolio.productNamed(n)).as(n).isPresent());

    HttpResponse<String> single = secretariat.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/app/import/rapport"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("X-XSRF-TOKEN", secretariat.token())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(single.statusCode()).as("any other route keeps its 1 MB").isEqualTo(413);

    Session committee = login("forretningsudvalg");
    HttpResponse<String> refused = committee.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/app/import/rapporter"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("X-XSRF-TOKEN", committee.token())
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(Map.of("x.md", "x".getBytes(StandardCharsets.UTF_8))))));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Kun sekretariatet kan importere.");
  }

  // --- round trip -------------------------------------------------------------------------------

  @Test
  void anEvaluationOfEveryShippedCatalogueRoundTripsThroughItsMarkdownExport() throws Exception {
    List<String> shipped = new ArrayList<>();
    for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
        .getResources("classpath:catalogue/*.yaml")) {
      shipped.add(new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(shipped).isNotEmpty();
    shipped.add(Fixtures.catalogueYaml()); // and OS2's model the fixtures use
    for (String yaml : shipped) {
      var catalogue = dk.os2.governance.criteria.CatalogueReader.read(yaml);
      String name = Proposals.uniqueName("Rundtur");
      String productId = portfolio.registerFromReport(name, "N1");
      StringBuilder assessments = new StringBuilder();
      String[] lights = {"GREEN", "YELLOW", "RED", "GREEN", "GREY"};
      for (int i = 0; i < catalogue.criteria().size(); i++) {
        if (i == 2) {
          continue; // one criterion left unassessed
        }
        assessments.append(assessments.isEmpty() ? "" : ",").append("{\"criterionId\":\"")
            .append(catalogue.criteria().get(i).id()).append("\",\"light\":\"").append(lights[i % lights.length])
            .append("\",\"rationale\":\"Begrundelse | med lodret streg\"}");
      }
      String review = "{\"catalogueId\":\"" + catalogue.id() + "\",\"catalogueVersion\":\"" + catalogue.version()
          + "\",\"targetLevel\":\"" + catalogue.levels().get(catalogue.levels().size() - 1).id()
          + "\",\"summary\":\"Gennemgået i dialog med produktet.\",\"assessments\":[" + assessments + "]}";
      RestClient.Response created = raw("POST", "/api/products/" + productId + "/evaluations", "application/json",
          review.getBytes(StandardCharsets.UTF_8));
      assertThat(created.status()).as(catalogue.reference() + ": " + created.body()).isEqualTo(201);
      String id = created.json().path("id").asText();
      String markdown = RestClient.as(baseUrl(), "sekretariat").get("/api/evaluations/" + id + "/markdown").body();
      assertThat(markdown).as(catalogue.reference()).startsWith("# Vurdering af OS2-produktet: **" + name + "**")
          .contains("| Niveau | 🟢 Grøn | 🟡 Gul | 🔴 Rød |").contains("| **Samlet** |").contains("| Tema / Niveau |");

      RestClient.Response again = importReport(markdown);
      assertThat(again.status()).as(catalogue.reference() + ": " + again.body()).isEqualTo(201);
      assertThat(again.json().path("warnings")).as(catalogue.reference() + ": the export's own tables agree").isEmpty();
      JsonNode a = evaluation(id);
      JsonNode b = evaluation(again.json().path("evaluationId").asText());
      assertThat(b.path("catalogue")).as(catalogue.reference()).isEqualTo(a.path("catalogue"));
      assertThat(b.path("counts")).as(catalogue.reference()).isEqualTo(a.path("counts"));
      assertThat(b.path("indicativeLevel")).as(catalogue.reference()).isEqualTo(a.path("indicativeLevel"));
      assertThat(b.path("evaluatedOn")).isEqualTo(a.path("evaluatedOn"));
    }
  }
}
