package dk.os2.governance.proposal;

import static dk.os2.governance.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.SqlCounter;
import dk.os2.governance.TestMail;
import dk.os2.governance.criteria.Catalogue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one proposal lifecycle costs the database: the start and four completions through the REST
 * API, with every job they cause (the mails) run here, counted exactly. A regression guard with a
 * small margin over the measured figures, in statements and transactions, never in time.
 */
class LifecycleCostTests extends IntegrationTests {

  /**
   * Measured 2026-11-29: 410 executions (605 statements) and 62 transactions, down from 522 (807)
   * and 78 before the lean lifecycle (README "Lean lifecycle"). With the rule changes, the forms
   * generated per catalogue version and the meetings merged: 417 executions (615 statements) and
   * 68–71 transactions (the count also sees the application's scheduled scans that happen to run
   * in the window). Reads once (README "Reads once"): 418 executions (271 reads, 616 statements)
   * and 69 transactions before, on the first lifecycle of a JVM; after, 342 (195 reads) on the
   * first and 323 executions (177 reads, 521 statements) and 55 transactions on the second, the
   * one counted now (start 68, screen 60, recommend 60, decide 90, acknowledge 45). Seventh
   * session: 284 executions (479 statements). Eighth: 280 executions (435 statements), the
   * statements (a batch's rows each) budgeted too, since the cuts were rows: no history of the
   * Tasklist card's copies, an evaluation cycle that waits without copies of the product, and a
   * mail's facts and recipients inserted by one statement each. A small margin above that.
   */
  static final long MAX_EXECUTIONS = 295;
  static final long MAX_STATEMENTS = 450;
  static final long MAX_TRANSACTIONS = 62;

  @Autowired
  Catalogue catalogue;

  @Test
  void aProposalLifecycleStaysWithinItsStatementAndTransactionBudget() {
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    // The lifecycle's jobs run here, one by one, so that the count holds exactly this lifecycle's work.
    jobExecutor.shutdown();
    try {
      Set<String> earlierJobs = new HashSet<>(engine.getManagementService().createJobQuery().list().stream()
          .map(Job::getId).toList());
      // One lifecycle first, uncounted: what a node reads once and keeps (parsed forms, each task
      // definition's form reference, start forms) is not the cost of every lifecycle.
      lifecycle(Proposals.uniqueName("Opvarmning"), earlierJobs);
      String name = Proposals.uniqueName("Omkostning");
      String[] processInstance = new String[1];
      SqlCounter.Counts cost = SqlCounter.record(() -> processInstance[0] = lifecycle(name, earlierJobs));
      System.out.println("LifecycleCostTests: a proposal lifecycle (start + 4 completions, with its jobs) ran " + cost);
      System.out.println(report(SqlCounter.recorded()));

      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstance[0])
          .singleResult().getEndTime()).as("the lifecycle ran to its end").isNotNull();
      assertThat(TestMail.withSubject(name)).as("every mail of the lifecycle went out").isNotEmpty();
      assertThat(cost.executions()).as("SQL executions of one proposal lifecycle").isLessThanOrEqualTo(MAX_EXECUTIONS);
      assertThat(cost.statements()).as("SQL statements of one proposal lifecycle").isLessThanOrEqualTo(MAX_STATEMENTS);
      assertThat(cost.transactions()).as("transactions of one proposal lifecycle").isLessThanOrEqualTo(MAX_TRANSACTIONS);
    } finally {
      jobExecutor.start();
    }
  }

  /** A proposal from start to the proposer's acknowledgement, each step's jobs run; returns its process instance. */
  private String lifecycle(String name, Set<String> earlierJobs) {
    SqlCounter.step("start");
    RestClient.Response started = RestClient.as(baseUrl(), "kommune").post(
        "/engine-rest/process-definition/key/project-proposal/submit-form",
        variables(Proposals.valid(catalogue, name, "N1")));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String processInstance = started.json().path("id").asText();
    runNewJobs(earlierJobs);
    SqlCounter.step("screen");
    complete(processInstance, "sekretariat", Map.of("screeningDecision", "forward", "screeningComment", "Ok"));
    runNewJobs(earlierJobs);
    SqlCounter.step("recommend");
    complete(processInstance, "forretningsudvalg", Map.of("committeeRecommendation", "recommend",
        "recommendedLevel", "N1", "committeeRationale", "Anbefales"));
    runNewJobs(earlierJobs);
    SqlCounter.step("decide");
    complete(processInstance, "bestyrelse", Map.of("boardDecision", "approve", "approvedLevel", "N1",
        "meetingDate", "2026-11-20", "minutesReference", "Referat 2026-11, pkt. 4",
        "boardRationale", "Godkendt på mødet"));
    runNewJobs(earlierJobs);
    SqlCounter.step("acknowledge");
    complete(processInstance, "kommune", Map.of("outcomeAcknowledged", true));
    runNewJobs(earlierJobs);
    return processInstance;
  }

  /** Per step: reads and writes; then the statements run more than once, with who issued them. */
  static String report(List<SqlCounter.Execution> executions) {
    StringBuilder out = new StringBuilder("LifecycleCostTests: executions per step (reads / writes)\n");
    Map<String, List<SqlCounter.Execution>> bySteps = executions.stream()
        .collect(java.util.stream.Collectors.groupingBy(SqlCounter.Execution::step, java.util.LinkedHashMap::new,
            java.util.stream.Collectors.toList()));
    bySteps.forEach((step, list) -> out.append(String.format("  %-12s %4d (%d / %d)%n", step, list.size(),
        list.stream().filter(SqlCounter.Execution::read).count(), list.stream().filter(e -> !e.read()).count())));
    out.append("LifecycleCostTests: reads by statement and caller, most frequent first\n");
    byStatement(out, executions.stream().filter(SqlCounter.Execution::read).toList(), 160, e -> 1L);
    out.append("LifecycleCostTests: writes by statement (a batch's rows each) and caller, most first\n");
    byStatement(out, executions.stream().filter(e -> !e.read()).toList(), 100, SqlCounter.Execution::rows);
    return out.toString();
  }

  /** The executions grouped by their SQL's beginning, then by step and caller, the largest first. */
  private static void byStatement(StringBuilder out, List<SqlCounter.Execution> executions, int sqlLength,
      java.util.function.ToLongFunction<SqlCounter.Execution> weight) {
    executions.stream()
        .collect(java.util.stream.Collectors.groupingBy(e -> e.sql().substring(0, Math.min(sqlLength, e.sql().length())),
            java.util.stream.Collectors.groupingBy(e -> e.step() + " " + e.caller(), java.util.TreeMap::new,
                java.util.stream.Collectors.summingLong(weight))))
        .entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().values().stream().mapToLong(Long::longValue).sum(),
            a.getValue().values().stream().mapToLong(Long::longValue).sum()))
        .forEach(e -> {
          out.append(String.format("%4d  %s%n", e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getKey()));
          e.getValue().forEach((who, n) -> out.append(String.format("        %3d  %s%n", n, who)));
        });
  }

  private void complete(String processInstanceId, String user, Map<String, ?> values) {
    String taskId = SqlCounter.uncounted(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(processInstanceId).singleResult().getId());
    RestClient.Response response = RestClient.as(baseUrl(), user)
        .post("/engine-rest/task/" + taskId + "/submit-form", variables(values));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  /** Runs every job that is due now and was not there before the lifecycle began, until none is left. */
  private void runNewJobs(Set<String> earlierJobs) {
    while (true) {
      List<Job> due = SqlCounter.uncounted(() -> engine.getManagementService().createJobQuery().executable().list())
          .stream().filter(job -> !earlierJobs.contains(job.getId())).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }
}
