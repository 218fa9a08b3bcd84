package dk.os2.governance.security;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueReader;
import dk.os2.governance.evaluation.SelfAssessmentStore;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.LevelChanges;
import dk.os2.governance.levels.MemberRole;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Threat: rules that the application checks and then acts on, broken by sending the same request
 * several times at once. Each rule is held by the database (a unique key), so of N parallel
 * requests over real HTTP on PostgreSQL exactly one succeeds, the others are refused in Danish,
 * and exactly one product, level change or evaluation cycle exists afterwards.
 *
 * <p>Also: the self-assessment import has an owner (the secretariat and the product's steering
 * group); anyone else is refused with 403 and nothing changes.
 */
class ConcurrencyTests extends IntegrationTests {

  static final int PARALLEL = 6;
  static final String START = "/engine-rest/process-definition/key/project-proposal/submit-form";
  static final String STEERING_MEMBER = "styremedlem";
  static final String PASSWORD = "hemmeligt-kodeord";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  LevelChanges levelChanges;

  @Autowired
  Catalogue catalogue;

  @Autowired
  SelfAssessmentStore selfAssessments;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void steeringMember() {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(STEERING_MEMBER).singleResult() == null) {
      User user = identity.newUser(STEERING_MEMBER);
      user.setEmail(STEERING_MEMBER + "@eksempel.dk");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
  }

  /** Sends the requests all at once: every thread waits at the gate, then they go together. */
  static List<RestClient.Response> atOnce(IntFunction<RestClient.Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      CountDownLatch ready = new CountDownLatch(PARALLEL);
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<RestClient.Response>> futures = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          ready.countDown();
          gate.await();
          return request.apply(n);
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      gate.countDown();
      List<RestClient.Response> responses = new ArrayList<>();
      for (Future<RestClient.Response> f : futures) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  static long count(List<RestClient.Response> responses, int status) {
    return responses.stream().filter(r -> r.status() == status).count();
  }

  /** An active product at a level, used in two municipalities with one code version. */
  String product(String level) {
    String id = portfolio.registerProposal(new Portfolio.Proposal(Proposals.uniqueName("Samtidig"), "Formål",
        "Behov", "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", level, "kommune", null));
    portfolio.approve(id, level, LocalDate.now().minusYears(1));
    portfolio.usage(id, "Aarhus\nOdense", true);
    return id;
  }

  long runningProcesses(String key, String productId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(productId).count();
  }

  // --- 1. product names: unique, ignoring case and whitespace ---

  @Test
  void fiveIdenticalProposalsAtOnceMakeOneProductAndStartOneProcess() throws Exception {
    String name = Proposals.uniqueName("Samtidigt Forslag");
    String[] spellings = {name, name.toUpperCase(), name.replace(" ", "   "), name.toLowerCase(),
        " " + name + " ", name.toUpperCase().replace(" ", "  ")};
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("project-proposal")
        .count();

    List<RestClient.Response> responses = atOnce(n -> RestClient.as(baseUrl(), "kommune")
        .post(START, RestClient.variables(Proposals.valid(catalogue, spellings[n], "N1"))));

    assertThat(count(responses, 200)).as(responses.toString()).isEqualTo(1);
    for (RestClient.Response r : responses) {
      if (r.status() != 200) {
        assertThat(r.status()).as(r.body()).isBetween(400, 409);
        assertThat(r.json().path("message").asText()).contains("Der findes allerede et produkt eller forslag med navnet");
      }
    }
    assertThat(jdbc.queryForObject("select count(*) from product where name_key = ?", Integer.class,
        Portfolio.nameKey(name))).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("project-proposal")
        .count()).as("no half-started proposal").isEqualTo(before + 1);
  }

  @Test
  void aNameDifferingOnlyInCaseAndSpacesIsTakenButARejectedProductsNameIsFree() {
    String name = Proposals.uniqueName("Navne Tjek");
    String id = portfolio.registerProposal(new Portfolio.Proposal(name, "Formål", "Behov", "Aarhus Kommune",
        "Karen Kommune", "karen@aarhus.dk", null, null, null, null, "N1", "kommune", null));
    assertThat(portfolio.nameTaken("  " + name.toUpperCase().replace(" ", " \t "), null)).isTrue();
    assertThat(portfolio.productNamed(name.toLowerCase().replace(" ", "  "))).map(p -> p.id()).contains(id);
    portfolio.reject(id);
    assertThat(portfolio.nameTaken(name, null)).isFalse();
    portfolio.registerProposal(new Portfolio.Proposal(name.toLowerCase(), "Formål", "Behov", "Aarhus Kommune",
        "Karen Kommune", "karen@aarhus.dk", null, null, null, null, "N1", "kommune", null));
  }

  // --- 2. one running level change per product ---

  @Test
  void parallelLevelChangesStartExactlyOne() throws Exception {
    String product = product("N1");
    groups.add(product, GroupKind.STEERING, STEERING_MEMBER, MemberRole.PARTICIPANT, "Aarhus Kommune");

    List<RestClient.Response> responses = atOnce(n -> (n % 2 == 0 ? RestClient.as(baseUrl(), "sekretariat")
        : new RestClient(baseUrl(), STEERING_MEMBER, PASSWORD)).post("/api/products/" + product + "/level-changes",
        Map.of("targetLevel", "N2", "reason", "Produktet bruges nu bredt")));

    assertThat(count(responses, 201)).as(responses.toString()).isEqualTo(1);
    assertThat(count(responses, 409)).as(responses.toString()).isEqualTo(PARALLEL - 1);
    responses.stream().filter(r -> r.status() == 409).forEach(r ->
        assertThat(r.json().path("detail").asText()).contains("allerede en niveauændring i gang"));
    assertThat(runningProcesses(LevelChanges.LEVEL_CHANGE, product)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from running_process where product_id = ? and kind = ?",
        Integer.class, product, LevelChanges.LEVEL_CHANGE)).isEqualTo(1);

    // Once it has ended (here: withdrawn), the next level change may start.
    String running = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
        .json().path("processInstanceId").asText();
    engine.getRuntimeService().deleteProcessInstance(running, "test: withdrawn");
    RestClient.Response next = RestClient.as(baseUrl(), "sekretariat").post(
        "/api/products/" + product + "/level-changes", Map.of("targetLevel", "N2", "reason", "Nyt forsøg"));
    assertThat(next.status()).as(next.body()).isEqualTo(201);
    assertThat(runningProcesses(LevelChanges.LEVEL_CHANGE, product)).isEqualTo(1);
  }

  // --- 3. exactly one evaluation cycle per product ---

  @Test
  void startingAnEvaluationAtOnceAdvancesTheExistingCycleInsteadOfStartingASecond() throws Exception {
    String product = product("N3");
    String cycle = levelChanges.startAnnualCycle(product, false);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(cycle).timers().singleResult();
    assertThat(timer.getDuedate()).isAfter(new Date());

    List<RestClient.Response> responses = atOnce(n -> RestClient.as(baseUrl(), "sekretariat")
        .post("/api/products/" + product + "/annual-evaluations", Map.of()));

    assertThat(count(responses, 200)).as(responses.toString()).isEqualTo(1);
    assertThat(count(responses, 409)).as(responses.toString()).isEqualTo(PARALLEL - 1);
    responses.stream().filter(r -> r.status() == 200).forEach(r ->
        assertThat(r.json().path("processInstanceId").asText()).isEqualTo(cycle));
    responses.stream().filter(r -> r.status() == 409).forEach(r ->
        assertThat(r.json().path("detail").asText()).contains("allerede sat i gang"));
    assertThat(runningProcesses(LevelChanges.ANNUAL_EVALUATION, product)).isEqualTo(1);
    await("the existing cycle's evaluation begins now").atMost(ofSeconds(60)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(cycle).taskDefinitionKey("UserTask_UpdateAnnualSelfAssessment").count() == 1);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(cycle).timers()
        .activityId("TimerEvent_EvaluationDue").count()).isZero();
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation()).as("due one lead time from today")
        .isEqualTo(LocalDate.now().plusMonths(1));

    // While that evaluation is under way, another "at once" is refused and still no second cycle.
    RestClient.Response again = RestClient.as(baseUrl(), "sekretariat")
        .post("/api/products/" + product + "/annual-evaluations", Map.of());
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(runningProcesses(LevelChanges.ANNUAL_EVALUATION, product)).isEqualTo(1);
  }

  @Test
  void parallelFirstEvaluationsStartExactlyOneCycle() throws Exception {
    String product = product("N2");
    // A product without a cycle (from before every active product had one).
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LevelChanges.ANNUAL_EVALUATION)
        .processInstanceBusinessKey(product).list()
        .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test: a product without a cycle"));

    List<RestClient.Response> responses = atOnce(n -> RestClient.as(baseUrl(), "sekretariat")
        .post("/api/products/" + product + "/annual-evaluations", Map.of()));

    assertThat(count(responses, 201)).as(responses.toString()).isEqualTo(1);
    assertThat(count(responses, 409)).as(responses.toString()).isEqualTo(PARALLEL - 1);
    assertThat(runningProcesses(LevelChanges.ANNUAL_EVALUATION, product)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from running_process where product_id = ? and kind = ?",
        Integer.class, product, LevelChanges.ANNUAL_EVALUATION)).isEqualTo(1);
  }

  // --- 7. the self-assessment import has an owner ---

  @Test
  void onlyTheSecretariatAndTheSteeringGroupImportASelfAssessment() throws Exception {
    String yaml = fixture("os2-evalueringsrapport-0.9.2.yaml");
    int published = post("admin", "demo", "/api/catalogues", yaml).statusCode();
    assertThat(published).isIn(200, 201);
    Catalogue model = CatalogueReader.read(yaml);
    String product = product("N1");
    groups.add(product, GroupKind.STEERING, STEERING_MEMBER, MemberRole.PARTICIPANT, "Aarhus Kommune");
    String name = portfolio.product(product).orElseThrow().name();
    String path = "/api/products/" + product + "/self-assessments?version=" + model.version();

    HttpResponse<String> bySecretariat = post("sekretariat", "demo", path, selfAssessment(model, name, "Sofie"));
    assertThat(bySecretariat.statusCode()).as(bySecretariat.body()).isEqualTo(201);
    assertThat(selfAssessments.latest(product).orElseThrow().filledBy()).isEqualTo("Sofie");

    int before = selfAssessments.count();
    for (String outsider : new String[] {"kommune", "forretningsudvalg", "bestyrelse"}) {
      HttpResponse<String> refused = post(outsider, "demo", path, selfAssessment(model, name, outsider));
      assertThat(refused.statusCode()).as(outsider + ": " + refused.body()).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).path("detail").asText())
          .contains("Kun sekretariatet og produktets styregruppe");
    }
    assertThat(selfAssessments.count()).isEqualTo(before);
    assertThat(selfAssessments.latest(product).orElseThrow().filledBy()).as("latest unchanged").isEqualTo("Sofie");

    HttpResponse<String> bySteering = post(STEERING_MEMBER, PASSWORD, path, selfAssessment(model, name, "Styregruppen"));
    assertThat(bySteering.statusCode()).as(bySteering.body()).isEqualTo(201);
    assertThat(selfAssessments.latest(product).orElseThrow().filledBy()).isEqualTo("Styregruppen");
  }

  static String selfAssessment(Catalogue model, String productName, String filledBy) {
    ObjectNode root = JSON.createObjectNode();
    root.put("productName", productName);
    root.put("filledBy", filledBy);
    root.put("filledDate", "2025-09-05");
    root.put("generatedAt", "2025-09-05T10:00:00Z");
    ArrayNode krav = root.putArray("krav");
    model.criteria().stream().limit(5).forEach(c -> {
      ObjectNode item = krav.addObject();
      item.put("id", c.id());
      item.put("kategori", c.theme());
      item.put("krav", c.title());
      item.put("produktniveau", c.level());
      item.put("retningslinjer", c.guidance());
      item.put("efterlevet", "Ja");
      item.put("dokumentation", "Se " + c.id() + ".md");
    });
    return root.toString();
  }

  static String fixture(String name) {
    try (InputStream in = ConcurrencyTests.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> post(String user, String password, String path, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "text/plain; charset=UTF-8")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
