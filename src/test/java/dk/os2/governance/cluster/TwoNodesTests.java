package dk.os2.governance.cluster;

import static dk.os2.governance.cluster.Governance.approval;
import static dk.os2.governance.cluster.Governance.awaitEveryMailOnce;
import static dk.os2.governance.cluster.Governance.propose;
import static dk.os2.governance.cluster.Governance.receivedWith;
import static dk.os2.governance.cluster.Governance.recommendation;
import static dk.os2.governance.cluster.Governance.screening;
import static dk.os2.governance.cluster.Governance.submit;
import static dk.os2.governance.cluster.Governance.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.proposal.Proposals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application instances, each a JVM with its own job executor and due-date scan, on one
 * PostgreSQL, as behind a load balancer: node A with the demo logins, node B in the production
 * profile. Every step of a process goes to the other node than the step before. Nothing is done
 * twice: not a deployment, not a timer, not a mail; and a login on one node holds on the other.
 */
class TwoNodesTests {

  static String database;
  static Node a;
  static Node b;
  static long deploymentsBeforeB;

  @BeforeAll
  static void startTwoNodes() throws SQLException {
    database = ClusterDatabase.create("twonodes");
    // Both nodes scan for due tasks every two seconds and remind of every open task at once
    // (remind-before longer than any due date): two scans racing for the same reminder.
    a = Node.demo("two-nodes-a", database).with("os2.mail.scan-interval=PT2S").with("os2.mail.remind-before=P3650D")
        .start();
    deploymentsBeforeB = deployments();
    b = Node.production("two-nodes-b", database).with("os2.mail.scan-interval=PT2S")
        .with("os2.mail.remind-before=P3650D").start();
  }

  @AfterAll
  static void stopNodes() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void theSecondNodeDeploysNothingAgain() throws SQLException {
    assertThat(deploymentsBeforeB).as("node A deployed the models and forms").isPositive();
    assertThat(deployments()).as("deployments after node B started").isEqualTo(deploymentsBeforeB);
    assertThat(count("select count(*) from act_re_procdef where key_ = 'project-proposal'"))
        .as("versions of the proposal process").isEqualTo(1);
  }

  @Test
  void aProposalMovesBetweenTheNodesAndEveryMailGoesOnce() {
    String name = Proposals.uniqueName("ToNoder");
    String pi = propose(a, name, "N1");
    // Both nodes scan for due tasks every two seconds: the screening waits until it is reminded of.
    String reminder = "Påmindelse: Screen forslaget – " + name;
    await(reminder).atMost(Duration.ofMinutes(1)).until(() -> receivedWith(reminder) > 0);
    submit(b, "sekretariat", task(b, "sekretariat", pi), screening());
    submit(a, "forretningsudvalg", task(a, "forretningsudvalg", pi), recommendation("N1"));
    submit(b, "bestyrelse", task(b, "bestyrelse", pi), approval("N1"));
    submit(a, "kommune", task(a, "kommune", pi), Map.of("outcomeAcknowledged", true));

    assertThat(b.as("sekretariat").get("/engine-rest/history/process-instance/" + pi).json().path("state").asText())
        .isEqualTo("COMPLETED");
    awaitEveryMailOnce(b, name);
    assertThat(receivedWith("Ny opgave: Screen forslaget – " + name)).isEqualTo(1);
    assertThat(receivedWith("Ny opgave: Beslut om forslaget – " + name)).isEqualTo(1);
    assertThat(receivedWith(reminder)).as("two nodes' scans, one reminder").isEqualTo(1);
    JsonNode product = a.as("bestyrelse").get("/api/products/" + Governance.productId(a, name)).json();
    assertThat(product.path("decisions").size()).as("screening, recommendation, decision").isEqualTo(3);
  }

  @Test
  void aLevelChangeMovesBetweenTheNodes() {
    String name = Proposals.uniqueName("Niveau");
    String proposal = propose(b, name, "N1");
    submit(a, "sekretariat", task(a, "sekretariat", proposal), screening());
    submit(b, "forretningsudvalg", task(b, "forretningsudvalg", proposal), recommendation("N1"));
    submit(a, "bestyrelse", task(a, "bestyrelse", proposal), approval("N1"));
    String product = Governance.productId(b, name);

    RestClient.Response started = b.as("sekretariat").post("/api/products/" + product + "/level-changes",
        Map.of("targetLevel", "N2", "reason", "Bruges nu bredt"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String pi = started.json().path("processInstanceId").asText();
    // Without a steering group the secretariat updates the self-assessment; without the groups N2
    // asks for, the check sends the application back to the applicant, who withdraws it.
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Criterion c : Governance.CATALOGUE.criteriaUpTo("N2")) {
      answers.put(c.answerVariable(), "Ja");
      answers.put(c.documentationVariable(), "Se repository");
    }
    submit(a, "sekretariat", task(a, "sekretariat", pi), answers);
    submit(b, "sekretariat", task(b, "sekretariat", pi),
        Map.of("revisionDecision", "withdraw", "revisionComment", "Vi danner grupperne først"));

    assertThat(a.as("sekretariat").get("/engine-rest/history/process-instance/" + pi).json().path("state").asText())
        .isEqualTo("COMPLETED");
    awaitEveryMailOnce(a, name);
    assertThat(receivedWith("Ny opgave: Ret ansøgningen – " + name)).isEqualTo(1);
  }

  @Test
  void theEvaluationTimerFiresOnceOnTwoNodes() {
    String name = Proposals.uniqueName("Timer");
    String proposal = propose(a, name, "N1");
    submit(b, "sekretariat", task(b, "sekretariat", proposal), screening());
    submit(a, "forretningsudvalg", task(a, "forretningsudvalg", proposal), recommendation("N1"));
    submit(b, "bestyrelse", task(b, "bestyrelse", proposal), approval("N1"));
    String product = Governance.productId(a, name);

    // "Start evaluering nu": the cycle's timer falls due at once; both job executors see it.
    RestClient.Response started = b.as("sekretariat").post("/api/products/" + product + "/annual-evaluations", Map.of());
    assertThat(started.status()).as(started.body()).isIn(200, 201);
    String cycle = started.json().path("processInstanceId").asText();
    String selfAssessment = "Ny opgave: Opdatér selvevalueringen – " + name;
    await("the evaluation begins, once").atMost(Duration.ofMinutes(2)).during(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          JsonNode fired = a.as("sekretariat").get("/engine-rest/history/activity-instance?processInstanceId=" + cycle
              + "&activityId=TimerEvent_EvaluationDue&finished=true").json();
          assertThat(fired.size()).as("times the evaluation timer fired").isEqualTo(1);
          assertThat(a.as("sekretariat").get("/engine-rest/task?processInstanceId=" + cycle).json().size())
              .as("open tasks of the round").isEqualTo(1);
          assertThat(receivedWith(selfAssessment)).as(selfAssessment).isEqualTo(1);
        });
  }

  @Test
  void aLoginOnOneNodeHoldsOnTheOther() {
    Browser browser = new Browser();
    assertThat(browser.get(b, "/app/produkter").status()).as("no login yet: to the login page").isEqualTo(302);
    browser.login(a, "sekretariat", "demo");

    Browser.Page portfolio = browser.get(b, "/app/produkter");
    assertThat(portfolio.status()).as("node B knows the login made on node A").isEqualTo(200);
    assertThat(portfolio.body()).contains("Portefølje");
    assertThat(browser.get(b, "/camunda/api/engine/engine/default/task/count").status())
        .as("Tasklist's API on node B, with the session from node A").isEqualTo(200);
    assertThat(browser.get(b, "/camunda/api/admin/auth/user/default").body()).contains("sekretariat");

    assertThat(browser.logout(b).status()).as("logout on node B").isIn(200, 204);
    assertThat(browser.get(a, "/app/produkter").status()).as("node A forgets the login ended on node B")
        .isEqualTo(302);
  }

  static long deployments() throws SQLException {
    return count("select count(*) from act_re_deployment");
  }

  static long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(database, "postgres", "postgres");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
