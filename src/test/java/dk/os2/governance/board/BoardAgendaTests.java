package dk.os2.governance.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.SqlStatements;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The board meeting's agenda: every pending board decision, and every N3 product as a standing
 * item, one page at a time, every item on exactly one page.
 */
class BoardAgendaTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Autowired
  BoardAgenda agenda;

  @Test
  void theAgendaCollectsPendingDecisionsAndN3Products() {
    String proposed = Proposals.uniqueName("Dagsorden");
    ProcessInstance pi = proposal(proposed);
    String boardTask = task(pi).getId();
    String vital = Proposals.uniqueName("Vital");
    standing(vital);

    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    JsonNode decision = null;
    for (JsonNode d : walk(secretariat, "decision", 500)) {
      if (d.path("taskId").asText().equals(boardTask)) {
        decision = d;
      }
    }
    assertThat(decision).as("the pending board decision is on the agenda").isNotNull();
    assertThat(decision.path("kind").asText()).isEqualTo("decision");
    assertThat(decision.path("product").asText()).isEqualTo(proposed);
    assertThat(decision.path("task").asText()).isEqualTo("Beslut om forslaget");
    // For API clients an address derived from the request (the test's port), never os2.base-url.
    assertThat(decision.path("link").asText())
        .isEqualTo(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + boardTask);
    List<JsonNode> standing = walk(secretariat, "standing", 500);
    assertThat(standing).allSatisfy(s -> assertThat(s.path("kind").asText()).isEqualTo("standing"));
    assertThat(standing.stream().map(s -> s.path("product").asText()).toList()).contains(vital)
        .doesNotContain(proposed);
    JsonNode vitalItem = standing.stream().filter(s -> s.path("product").asText().equals(vital)).findFirst().get();
    assertThat(vitalItem.path("levelSince").asText()).isEqualTo("2025-06-01");
    // Compact: a standing item carries no empty fields (it was never evaluated).
    assertThat(vitalItem.has("lastEvaluation")).isFalse();

    // The board reads it too; nobody else, on neither road.
    assertThat(RestClient.as(baseUrl(), "bestyrelse").get("/api/board-agenda").status()).isEqualTo(200);
    for (String stranger : List.of("kommune", "forretningsudvalg", "koordinationsudvalg")) {
      assertThat(RestClient.as(baseUrl(), stranger).get("/api/board-agenda").status()).as(stranger).isEqualTo(403);
      assertThat(RestClient.as(baseUrl(), stranger).get("/app/bestyrelsesmoede").status()).as(stranger).isEqualTo(403);
    }

    complete(task(pi), withVariables("boardDecision", "approve", "approvedLevel", "N1", "meetingDate", "2026-11-20",
        "minutesReference", "Pkt. 2", "boardRationale", "Godkendt"));
    assertThat(walk(secretariat, "decision", 500).stream().map(d -> d.path("taskId").asText()).toList())
        .as("a decided item leaves the agenda").doesNotContain(boardTask);
  }

  /**
   * The whole agenda, page by page: decisions first (oldest first), then the standing items (by
   * name); the total and the summary per kind count them; every item is on exactly one page, also
   * the page where the decisions end and the standing items begin. Only the board's tasks and
   * only active N3 products are on it.
   */
  @Test
  void everyItemIsOnExactlyOnePageAndTheTotalsCountThem() {
    String first = Proposals.uniqueName("Side");
    String second = Proposals.uniqueName("Side");
    String firstTask = task(proposal(first)).getId();
    String secondTask = task(proposal(second)).getId();
    String n3 = Proposals.uniqueName("Side N3");
    standing(n3);
    // Not the board's: a proposal waiting for the Business Committee, an N1 product, a proposal asking for N3.
    String committees = Proposals.uniqueName("Udvalg");
    ProcessInstance atCommittee = start(committees);
    complete(task(atCommittee), withVariables("screeningDecision", "forward", "screeningComment", "Ok"));
    String n1 = Proposals.uniqueName("Side N1");
    portfolio.approve(register(n1, "N1"), "N1", LocalDate.parse("2025-06-01"));
    String proposedN3 = Proposals.uniqueName("Foreslaaet N3");
    register(proposedN3, "N3");

    RestClient board = RestClient.as(baseUrl(), "bestyrelse");
    JsonNode firstPage = board.get("/api/board-agenda?size=7").json();
    long decisions = firstPage.path("summary").path("decisions").asLong();
    long standing = firstPage.path("summary").path("standingItems").asLong();
    assertThat(firstPage.path("total").asLong()).isEqualTo(decisions + standing);
    assertThat(firstPage.path("page").asInt()).isEqualTo(1);
    assertThat(firstPage.path("size").asInt()).isEqualTo(7);

    List<JsonNode> all = walk(board, null, 7);
    List<JsonNode> onlyDecisions = walk(board, "decision", 5);
    List<JsonNode> onlyStanding = walk(board, "standing", 5);
    assertThat(all).hasSize((int) (decisions + standing));
    assertThat(onlyDecisions).hasSize((int) decisions);
    assertThat(onlyStanding).hasSize((int) standing);
    List<String> keys = all.stream().map(BoardAgendaTests::key).toList();
    assertThat(keys).as("no item twice").doesNotHaveDuplicates();
    List<String> byKind = new ArrayList<>(onlyDecisions.stream().map(BoardAgendaTests::key).toList());
    byKind.addAll(onlyStanding.stream().map(BoardAgendaTests::key).toList());
    assertThat(keys).as("decisions first, then standing items, as each kind lists them").isEqualTo(byKind);
    assertThat(keys).contains("decision:" + firstTask, "decision:" + secondTask);
    List<String> created = onlyDecisions.stream().map(d -> d.path("created").asText()).toList();
    assertThat(created).as("oldest first").isSorted();
    List<String> products = all.stream().map(i -> i.path("product").asText()).toList();
    assertThat(products).contains(n3).doesNotContain(committees, n1, proposedN3);

    // Beyond the last page: no items, the same totals.
    JsonNode beyond = board.get("/api/board-agenda?size=500&page=" + ((decisions + standing) / 500 + 2)).json();
    assertThat(beyond.path("items").size()).isZero();
    assertThat(beyond.path("total").asLong()).isEqualTo(decisions + standing);
    // The default page: 50 items.
    JsonNode defaults = board.get("/api/board-agenda").json();
    assertThat(defaults.path("size").asInt()).isEqualTo(50);
    assertThat(defaults.path("items").size()).isEqualTo((int) Math.min(50, decisions + standing));
  }

  @Test
  void badPagingIsRefusedInDanish() {
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    for (String query : List.of("page=0", "page=x", "size=0", "size=501", "kind=alt")) {
      RestClient.Response response = secretariat.get("/api/board-agenda?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.json().path("detail").asText()).as(query)
          .containsAnyOf("Sidetallet skal", "Sidestørrelsen skal", "Vælg «decision»");
    }
    assertThat(secretariat.get("/app/bestyrelsesmoede?size=501").status()).isEqualTo(400);
  }

  /** The page shows the counts per kind and leads, page by page or kind by kind, to every item. */
  @Test
  void thePageLeadsToEveryItem() {
    String proposed = Proposals.uniqueName("Sidevisning");
    String boardTask = task(proposal(proposed)).getId();
    String vital = Proposals.uniqueName("Sidevisning N3");
    standing(vital);
    RestClient board = RestClient.as(baseUrl(), "bestyrelse");
    JsonNode summary = board.get("/api/board-agenda?size=1").json().path("summary");

    RestClient.Response page = board.get("/app/bestyrelsesmoede?size=1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(summary.path("decisions").asText() + "</span> beslutninger")
        .contains(summary.path("standingItems").asText() + "</span> faste punkter")
        .contains("href=\"/app/bestyrelsesmoede?kind=decision&amp;size=1\"")
        .contains("href=\"/app/bestyrelsesmoede?kind=standing&amp;size=1\"")
        .contains("href=\"/app/bestyrelsesmoede?page=2&amp;size=1\"").contains("Næste »");

    List<JsonNode> decisions = walk(board, "decision", 500);
    int position = decisions.stream().map(d -> d.path("taskId").asText()).toList().indexOf(boardTask) + 1;
    RestClient.Response decisionPage = board.get("/app/bestyrelsesmoede?kind=decision&size=1&page=" + position);
    assertThat(decisionPage.body()).contains(proposed).contains("<td>" + position + "</td>")
        .doesNotContain("Faste punkter: produkter på N3");
    // On the page a path of this site: it works on whatever address the page was reached by.
    assertThat(decisionPage.body()).contains("href=\"/camunda/app/tasklist/default/#/?task=" + boardTask + "\"")
        .doesNotContain("href=\"http");

    List<JsonNode> standing = walk(board, "standing", 500);
    int at = standing.stream().map(s -> s.path("product").asText()).toList().indexOf(vital) + 1;
    RestClient.Response standingPage = board.get("/app/bestyrelsesmoede?kind=standing&size=1&page=" + at);
    assertThat(standingPage.body()).contains(vital).contains("Faste punkter: produkter på N3")
        .contains("01-06-2025");
  }

  /**
   * A page of the agenda reads in the same number of statements however many decisions wait and
   * however many N3 products stand on it (at 2,000 open tasks it once ran about 8 statements a task).
   */
  @Test
  void aPageReadsInAFixedNumberOfStatements() {
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    proposal(Proposals.uniqueName("Fast"));
    standing(Proposals.uniqueName("Staaende"));
    secretariat.get("/api/board-agenda?size=500");
    List<String> before = SqlStatements.count(SqlStatements.requests(),
        () -> assertThat(secretariat.get("/api/board-agenda?size=500").status()).isEqualTo(200));
    long totalBefore = secretariat.get("/api/board-agenda").json().path("total").asLong();

    for (int i = 0; i < 3; i++) {
      proposal(Proposals.uniqueName("Fast"));
      standing(Proposals.uniqueName("Staaende"));
    }
    List<String> after = SqlStatements.count(SqlStatements.requests(),
        () -> assertThat(secretariat.get("/api/board-agenda?size=500").status()).isEqualTo(200));

    assertThat(secretariat.get("/api/board-agenda").json().path("total").asLong()).isEqualTo(totalBefore + 6);
    assertThat(after).as("statements with three more decisions and standing items: %s", after).hasSameSizeAs(before);
    assertThat(SqlStatements.count(SqlStatements.thisThread(), () -> agenda.page(null, 1, 500, "")))
        .as("a page: the count of decisions and of N3 products, the tasks, their product names, the N3 products")
        .hasSizeLessThanOrEqualTo(5);
  }

  /** Every item of the agenda (or of one kind), walking its pages of {@code size}. */
  private static List<JsonNode> walk(RestClient client, String kind, int size) {
    List<JsonNode> items = new ArrayList<>();
    long total = -1;
    for (int page = 1; total < 0 || (long) (page - 1) * size < total; page++) {
      JsonNode answer = client.get("/api/board-agenda?size=" + size + "&page=" + page
          + (kind == null ? "" : "&kind=" + kind)).json();
      assertThat(total < 0 || answer.path("total").asLong() == total).as("the total stays while walking").isTrue();
      total = answer.path("total").asLong();
      answer.path("items").forEach(items::add);
    }
    assertThat(items).hasSize((int) total);
    return items;
  }

  private static String key(JsonNode item) {
    return item.path("kind").asText() + ":"
        + (item.has("taskId") ? item.path("taskId").asText() : item.path("productId").asText());
  }

  private ProcessInstance start(String name) {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, name, "N1"));
    engine.getIdentityService().clearAuthentication();
    return pi;
  }

  /** A proposal screened and recommended: a decision waiting for the board. */
  private ProcessInstance proposal(String name) {
    ProcessInstance pi = start(name);
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Ok"));
    complete(task(pi), withVariables("committeeRecommendation", "recommend", "recommendedLevel", "N1",
        "committeeRationale", "Anbefales"));
    return pi;
  }

  private String register(String name, String level) {
    return portfolio.registerProposal(new Portfolio.Proposal(name, "F", "B", "Vejle Kommune", "V", "v@vejle.dk",
        null, null, "MPL-2.0", null, level, "kommune", null));
  }

  private void standing(String name) {
    portfolio.approve(register(name, "N3"), "N3", LocalDate.parse("2025-06-01"));
  }
}
