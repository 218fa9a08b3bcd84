package dk.os2.governance.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.evaluation.PortfolioLights;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.MemberRole;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.portfolio.Portfolio;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/products}: a page of the products the filters show with their total, filtered and
 * sorted by the database, bad parameters refused in Danish; and the page's CSV and JSON exports of
 * exactly those products. Each test names its products with its own prefix and filters by it, as
 * the database is shared with the rest of the suite.
 */
class ProductListApiTests extends IntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPLIER = "portefoljeleverandoer";

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Evaluations evaluations;

  @Autowired
  PortfolioLights lights;

  @Autowired
  Catalogue catalogue;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void supplier() {
    if (engine.getIdentityService().createUserQuery().userId(SUPPLIER).singleResult() == null) {
      User user = engine.getIdentityService().newUser(SUPPLIER);
      user.setPassword("hemmeligt-kodeord");
      engine.getIdentityService().saveUser(user);
    }
  }

  @Test
  void pagesCountTheTotalAndTogetherHoldEveryProductOnceInNameOrder() throws Exception {
    String prefix = PortfolioFixtures.prefix("Side");
    List<String> names = new ArrayList<>();
    for (String letter : List.of("g", "B", "e", "A", "f", "c", "D")) {
      names.add(prefix + letter);
      PortfolioFixtures.active(portfolio, prefix + letter, "N1", LocalDate.now().minusYears(1), "Aarhus");
    }

    JsonNode first = get("/api/products?size=3&q=" + encode(prefix));
    assertThat(first.path("total").asLong()).isEqualTo(7);
    assertThat(first.path("page").asInt()).isEqualTo(1);
    assertThat(first.path("size").asInt()).isEqualTo(3);
    List<String> seen = new ArrayList<>(names(first));
    seen.addAll(names(get("/api/products?size=3&page=2&q=" + encode(prefix))));
    JsonNode last = get("/api/products?size=3&page=3&q=" + encode(prefix));
    assertThat(names(last)).as("the last page holds the rest").hasSize(1);
    seen.addAll(names(last));
    assertThat(seen).as("name order ignoring case, each product once").containsExactly(
        prefix + "A", prefix + "B", prefix + "c", prefix + "D", prefix + "e", prefix + "f", prefix + "g");
    assertThat(names(get("/api/products?size=3&page=4&q=" + encode(prefix)))).as("past the last page").isEmpty();
    assertThat(get("/api/products?q=" + encode(prefix)).path("size").asInt()).as("50 by default").isEqualTo(50);
    assertThat(names(get("/api/products?sort=name,desc&q=" + encode(prefix.toUpperCase()))))
        .as("the name filter ignores case; descending order").first().isEqualTo(prefix + "g");
  }

  @Test
  void eachFilterShowsOnlyTheProductsItNames() throws Exception {
    String prefix = PortfolioFixtures.prefix("Filter");
    String municipality = "Kommune " + prefix;
    String n1 = PortfolioFixtures.active(portfolio, prefix + "n1", "N1", LocalDate.now().minusYears(2), municipality);
    String n2 = PortfolioFixtures.active(portfolio, prefix + "n2", "N2", LocalDate.now().minusYears(1), "Odense");
    String proposed = PortfolioFixtures.proposed(portfolio, prefix + "forslag", "Vejle");
    String rejected = PortfolioFixtures.proposed(portfolio, prefix + "afvist", municipality);
    portfolio.reject(rejected);
    portfolio.evaluationCycle(n1, LocalDate.now().minusMonths(13), LocalDate.now().minusDays(3));
    portfolio.evaluationCycle(n2, null, LocalDate.now().plusMonths(2));

    String q = "&q=" + encode(prefix);
    assertThat(ids("/api/products?level=N2" + q)).containsExactly(n2);
    assertThat(ids("/api/products?status=PROPOSED" + q)).containsExactly(proposed);
    assertThat(ids("/api/products?status=rejected" + q)).as("any case").containsExactly(rejected);
    assertThat(ids("/api/products?municipality=" + encode(municipality) + q)).containsExactlyInAnyOrder(n1, rejected);
    assertThat(ids("/api/products?overdue=true" + q)).as("next evaluation passed").containsExactly(n1);
    assertThat(ids("/api/products?overdue=false" + q)).containsExactlyInAnyOrder(n2, proposed, rejected);
    assertThat(ids("/api/products?level=N1&status=ACTIVE&overdue=true" + q)).as("filters combine").containsExactly(n1);
    assertThat(ids("/api/products?level=N1&overdue=false" + q)).isEmpty();
    JsonNode item = get("/api/products?level=N1" + q).path("items").get(0);
    assertThat(item.path("overdue").asBoolean()).isTrue();
    assertThat(item.path("lastEvaluation").asText()).isEqualTo(LocalDate.now().minusMonths(13).toString());
    assertThat(item.path("levelSince").asText()).isEqualTo(LocalDate.now().minusYears(2).toString());
  }

  @Test
  void theGapsFilterFollowsTheGroupsAndUseAsTheyChange() throws Exception {
    String prefix = PortfolioFixtures.prefix("Mangler");
    String ready = PortfolioFixtures.active(portfolio, prefix + "klar", "N1", LocalDate.now().minusYears(1), "Aarhus");
    String lacking = PortfolioFixtures.active(portfolio, prefix + "mangler", "N1", LocalDate.now().minusYears(1),
        "Aarhus");
    String q = "&q=" + encode(prefix);
    assertThat(ids("/api/products?gaps=true" + q)).as("no groups yet: both lack what N2 asks")
        .containsExactlyInAnyOrder(ready, lacking);

    portfolio.usage(ready, "Aarhus\nOdense", true);
    groups.add(ready, GroupKind.STEERING, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");
    groups.add(ready, GroupKind.COORDINATION, "kommune", MemberRole.MUNICIPALITY, "Aarhus Kommune");
    groups.add(ready, GroupKind.COORDINATION, SUPPLIER, MemberRole.SUPPLIER, "Magenta");
    assertThat(groups.structuralGaps(ready, "N2", false)).as("what the product page shows").isEmpty();
    assertThat(ids("/api/products?gaps=false" + q)).containsExactly(ready);
    assertThat(ids("/api/products?gaps=true" + q)).containsExactly(lacking);
    assertThat(get("/api/products?gaps=true" + q).path("items").get(0).path("openGaps").asInt())
        .isEqualTo(groups.structuralGaps(lacking, "N2", false).size());

    groups.remove(ready, GroupKind.COORDINATION, SUPPLIER);
    assertThat(ids("/api/products?gaps=true" + q)).as("a supplier leaves").containsExactlyInAnyOrder(ready, lacking);
    groups.add(ready, GroupKind.COORDINATION, SUPPLIER, MemberRole.SUPPLIER, "Magenta");
    portfolio.usage(ready, "Aarhus", true);
    assertThat(ids("/api/products?gaps=true" + q)).as("used in one municipality only")
        .containsExactlyInAnyOrder(ready, lacking);
  }

  @Test
  void sortsByEachColumnBothWaysWithEmptyValuesLast() throws Exception {
    String prefix = PortfolioFixtures.prefix("Sortering");
    String a = PortfolioFixtures.active(portfolio, prefix + "a", "N2", LocalDate.now().minusYears(3), "Aarhus");
    String b = PortfolioFixtures.active(portfolio, prefix + "b", "N1", LocalDate.now().minusYears(1), "Aarhus");
    String c = PortfolioFixtures.proposed(portfolio, prefix + "c", "Aarhus");
    portfolio.evaluationCycle(a, LocalDate.now().minusMonths(2), LocalDate.now().plusMonths(10));
    portfolio.evaluationCycle(b, LocalDate.now().minusMonths(6), LocalDate.now().plusMonths(6));
    String q = "&q=" + encode(prefix);

    assertThat(ids("/api/products?sort=level" + q)).containsExactly(b, a, c);
    assertThat(ids("/api/products?sort=level,desc" + q)).containsExactly(a, b, c);
    assertThat(ids("/api/products?sort=status" + q)).as("ACTIVE before PROPOSED").containsExactly(a, b, c);
    assertThat(ids("/api/products?sort=since" + q)).containsExactly(a, b, c);
    assertThat(ids("/api/products?sort=since,desc" + q)).containsExactly(b, a, c);
    assertThat(ids("/api/products?sort=lastEvaluation" + q)).containsExactly(b, a, c);
    assertThat(ids("/api/products?sort=nextEvaluation" + q)).containsExactly(b, a, c);
    assertThat(ids("/api/products?sort=nextEvaluation,desc" + q)).containsExactly(a, b, c);
    assertThat(ids("/api/products?sort=name,desc" + q)).containsExactly(c, b, a);
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=-1", "page=x", "page=99999999999", "size=0", "size=501", "size=tre",
      "sort=popularity", "sort=name,up", "sort=name,desc,asc", "level=N9", "status=NOPE", "overdue=maybe",
      "gaps=2", "q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void badParametersAreRefusedInDanishAndChangeNothing(String parameter) throws Exception {
    long products = jdbc.queryForObject("select count(*) from product", Long.class);
    HttpResponse<byte[]> response = send("/api/products?" + parameter);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("detail").asText()).containsAnyOf("skal", "Ukendt", "højst")
        .doesNotContain("Exception", "java.", "SQL");
    assertThat(jdbc.queryForObject("select count(*) from product", Long.class)).isEqualTo(products);
    HttpResponse<byte[]> page = send("/app/produkter?" + parameter);
    assertThat(page.statusCode()).as("the page refuses it too").isEqualTo(400);
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).containsAnyOf("skal", "Ukendt", "højst");
  }

  @Test
  void theExportsHoldExactlyWhatTheFiltersShowOnEveryPage() throws Exception {
    String prefix = PortfolioFixtures.prefix("Eksport");
    List<String> n1 = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      n1.add(PortfolioFixtures.active(portfolio, prefix + "niveau1-" + i + "; \"citat\"", "N1",
          LocalDate.of(2024, 3, 1 + i), "Aarhus"));
    }
    int gaps = groups.structuralGaps(n1.get(0), "N2", false).size();
    String n2 = PortfolioFixtures.active(portfolio, prefix + "niveau2", "N2", LocalDate.of(2024, 5, 1), "Aarhus");
    String filter = "?level=N1&size=2&page=2&q=" + encode(prefix);

    HttpResponse<byte[]> csv = send("/app/produkter/eksport/csv" + filter);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
        .contains(".csv");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    byte[] body = csv.body();
    assertThat(new byte[] {body[0], body[1], body[2]}).as("UTF-8 byte order mark for Excel")
        .containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertThat(lines[0]).startsWith("Produkt;Niveau;Status;Niveau siden;Seneste evaluering;Næste evaluering");
    assertThat(lines).as("header and all four N1 products, not just one page").hasSize(5);
    // Every active product has its evaluation cycle, so its next evaluation is planned.
    String next = portfolio.product(n1.get(0)).orElseThrow().nextEvaluation() == null ? ""
        : portfolio.product(n1.get(0)).orElseThrow().nextEvaluation()
            .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    assertThat(lines[1]).isEqualTo("\"" + prefix + "niveau1-0; \"\"citat\"\"\";N1;Aktiv;01-03-2024;;" + next + ";Nej;"
        + gaps + ";Aarhus Kommune");
    assertThat(text).doesNotContain(prefix + "niveau2");

    HttpResponse<byte[]> json = send("/app/produkter/eksport/json" + filter);
    assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    JsonNode exported = JSON.readTree(json.body());
    assertThat(exported).hasSize(4);
    assertThat(exported.findValuesAsText("level")).containsOnly("N1");
    assertThat(exported.findValuesAsText("id")).doesNotContain(n2);
  }

  @Test
  void thePageShowsTheFilteredProductsWithLinksThatKeepTheFilters() throws Exception {
    String prefix = PortfolioFixtures.prefix("Sidevisning");
    for (int i = 0; i < 3; i++) {
      PortfolioFixtures.active(portfolio, prefix + i, "N2", LocalDate.now().minusYears(1), "Aarhus");
    }
    PortfolioFixtures.proposed(portfolio, prefix + "forslag", "Aarhus");
    HttpResponse<byte[]> response = send("/app/produkter?level=N2&size=2&q=" + encode(prefix));
    assertThat(response.statusCode()).isEqualTo(200);
    String html = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(html).contains(prefix + "0", prefix + "1").doesNotContain(prefix + "2", prefix + "forslag")
        .contains("3</span> produkter");
    assertThat(html).as("page 2 keeps the filters")
        .containsPattern("href=\"/app/produkter\\?[^\"]*page=2[^\"]*\"")
        .contains("level=N2").contains("size=2");
    assertThat(html).contains("/app/produkter/eksport/csv?").contains("id=\"chart-levels\"")
        .contains("id=\"chart-themes\"").contains("id=\"chart-due\"").contains("<svg");
    assertThat(html).containsPattern("href=\"/app/produkter\\?[^\"]*q=" + java.util.regex.Pattern.quote(prefix)
        + "[^\"]*page=2");
  }

  @Test
  void theLightsPerThemeCountEachProductsLatestEvaluationAsSoonAsItIsStored() {
    String product = PortfolioFixtures.active(portfolio, PortfolioFixtures.prefix("Lys") + "produkt", "N1",
        LocalDate.now().minusYears(1), "Aarhus");
    List<Criterion> criteria = catalogue.criteriaUpTo("N1");
    Map<String, Object> answers = new HashMap<>();
    criteria.forEach(c -> {
      answers.put(c.answerVariable(), "Ja");
      answers.put(c.documentationVariable(), "Se repository");
    });
    PortfolioLights.Summary before = lights.summary();
    evaluations.automated(product, catalogue, "N1", answers, null);
    PortfolioLights.Summary first = lights.summary();
    assertThat(first.productsEvaluated()).isEqualTo(before.productsEvaluated() + 1);
    assertThat(green(first) - green(before)).as("every criterion met").isEqualTo(criteria.size());

    Criterion mandatory = criteria.stream().filter(Criterion::mandatory).findFirst().orElseThrow();
    answers.put(mandatory.answerVariable(), "Nej");
    evaluations.automated(product, catalogue, "N1", answers, null);
    PortfolioLights.Summary second = lights.summary();
    assertThat(second.productsEvaluated()).as("the latest evaluation replaces the earlier one")
        .isEqualTo(first.productsEvaluated());
    assertThat(green(second)).isEqualTo(green(first) - 1);
    assertThat(red(second) + yellow(second)).isEqualTo(red(first) + yellow(first) + 1);
  }

  private static long green(PortfolioLights.Summary summary) {
    return summary.themes().stream().mapToLong(PortfolioLights.ThemeLights::green).sum();
  }

  private static long yellow(PortfolioLights.Summary summary) {
    return summary.themes().stream().mapToLong(PortfolioLights.ThemeLights::yellow).sum();
  }

  private static long red(PortfolioLights.Summary summary) {
    return summary.themes().stream().mapToLong(PortfolioLights.ThemeLights::red).sum();
  }

  private List<String> names(JsonNode page) {
    return StreamSupport.stream(page.path("items").spliterator(), false).map(p -> p.path("name").asText()).toList();
  }

  private List<String> ids(String path) throws IOException, InterruptedException {
    JsonNode page = get(path);
    assertThat(page.path("total").asLong()).as("total of " + path).isEqualTo(page.path("items").size());
    return StreamSupport.stream(page.path("items").spliterator(), false).map(p -> p.path("id").asText()).toList();
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = send(path);
    assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<byte[]> send(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("kommune:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "text/html,application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
