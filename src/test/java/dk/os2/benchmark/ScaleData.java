package dk.os2.benchmark;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.levels.LevelChanges;
import dk.os2.governance.proposal.Proposals;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portfolio at scale. Products, the municipalities using them and their decisions are written
 * by SQL batch inserts straight into the application's own tables (what years of use leave
 * behind); open tasks are made through the engine's Java API inside the application, so each is a
 * real process instance with its variables, authorizations and mails:
 * {@code perBody} proposals waiting for the Business Committee, as many for the board, and as many
 * evaluations of N3 products waiting for the Coordination Committee's review of operations, whose
 * steering follow-up (products without a steering group) waits for the secretariat.
 */
public final class ScaleData {

  static final String PREFIX = "Skala ";
  private static final String[] MUNICIPALITIES = {"Aarhus Kommune", "Odense Kommune", "Aalborg Kommune",
      "Esbjerg Kommune", "Randers Kommune", "Kolding Kommune", "Horsens Kommune", "Vejle Kommune",
      "Roskilde Kommune", "Herning Kommune", "Silkeborg Kommune", "Næstved Kommune", "Viborg Kommune",
      "Holbæk Kommune", "Slagelse Kommune", "Hjørring Kommune", "Gentofte Kommune", "Køge Kommune",
      "Skanderborg Kommune", "Frederikshavn Kommune"};
  private static final String[] WORDS = {"borgerservice", "sagsbehandling", "mødebooking", "byggesag",
      "skoleintra", "dagtilbud", "kalender", "beskedfordeler", "identitet", "rammearkitektur", "økonomi",
      "affald", "kultur", "bibliotek", "ungdom", "beskæftigelse", "miljø", "trafik", "sundhed", "demokrati"};

  private ScaleData() {}

  /** Inserts the products and about 3.1 decisions each; returns {products, decisions, seconds}. */
  static Map<String, Object> insertProducts(String jdbcUrl, int products) throws SQLException {
    long began = System.nanoTime();
    Random random = new Random(42);
    int decisions = 0;
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
      c.setAutoCommit(false);
      LocalDateTime now = LocalDateTime.now();
      try (PreparedStatement product = c.prepareStatement("""
              insert into product (id, name, name_key, name_sort, level, status, purpose, need,
                proposing_municipality, contact_name, contact_email, suppliers, licence, repository_url,
                requested_level, proposed_by, level_since, created_at, updated_at, single_code_version,
                last_evaluation, next_evaluation, open_gaps)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
          PreparedStatement usage = c.prepareStatement(
              "insert into product_municipality (product_id, position, municipality) values (?, ?, ?)");
          PreparedStatement decision = c.prepareStatement("""
              insert into governance_decision (id, product_id, process_instance_id, task_key, body, decided_by,
                outcome, level, rationale, justification, meeting_date, minutes_reference, indicative_level,
                catalogue_reference, decided_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
        for (int i = 1; i <= products; i++) {
          String id = UUID.randomUUID().toString();
          String name = PREFIX + String.format(Locale.ROOT, "%05d ", i) + WORDS[random.nextInt(WORDS.length)];
          int roll = random.nextInt(100);
          String status = roll < 85 ? "ACTIVE" : roll < 90 ? "PROPOSED" : roll < 96 ? "REJECTED" : "RETIRED";
          int levelRoll = random.nextInt(100);
          String level = levelRoll < 50 ? "N1" : levelRoll < 80 ? "N2" : "N3";
          boolean active = status.equals("ACTIVE");
          LocalDate since = LocalDate.now().minusDays(30 + random.nextInt(2000));
          String municipality = MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
          int p = 1;
          product.setString(p++, id);
          product.setString(p++, name);
          product.setString(p++, status.equals("ACTIVE") || status.equals("PROPOSED") ? name.toLowerCase(Locale.ROOT) : null);
          product.setString(p++, name.toLowerCase(Locale.ROOT));
          product.setString(p++, status.equals("PROPOSED") ? null : level);
          product.setString(p++, status);
          product.setString(p++, "Formål med " + name);
          product.setString(p++, "Kommunerne har brug for " + name);
          product.setString(p++, municipality);
          product.setString(p++, "Kontakt " + i);
          product.setString(p++, "kontakt" + i + "@eksempel.dk");
          product.setString(p++, "Leverandør " + (i % 40));
          product.setString(p++, "MPL-2.0");
          product.setString(p++, "https://github.com/OS2/skala-" + i);
          product.setString(p++, level);
          product.setString(p++, "kommune");
          product.setDate(p++, active ? Date.valueOf(since) : null);
          product.setTimestamp(p++, Timestamp.valueOf(now.minusDays(2000 - i % 2000)));
          product.setTimestamp(p++, Timestamp.valueOf(now));
          product.setBoolean(p++, random.nextBoolean());
          product.setDate(p++, active ? Date.valueOf(LocalDate.now().minusDays(random.nextInt(200))) : null);
          product.setDate(p++, active ? Date.valueOf(LocalDate.now().plusDays(random.nextInt(400) - 40)) : null);
          if (active) {
            product.setInt(p++, level.equals("N3") ? 0 : random.nextInt(4));
          } else {
            product.setNull(p++, java.sql.Types.INTEGER);
          }
          product.addBatch();
          usage.setString(1, id);
          usage.setInt(2, 0);
          usage.setString(3, municipality);
          usage.addBatch();
          usage.setString(1, id);
          usage.setInt(2, 1);
          usage.setString(3, MUNICIPALITIES[(random.nextInt(MUNICIPALITIES.length - 1) + 1 + indexOf(municipality))
              % MUNICIPALITIES.length]);
          usage.addBatch();
          List<String[]> made = new ArrayList<>();
          made.add(new String[] {"UserTask_ScreenProposal", "forretningsledelse", "sekretariat", "forward", null});
          if (!status.equals("PROPOSED")) {
            made.add(new String[] {"UserTask_RecommendProposal", "forretningsudvalg", "forretningsudvalg", "recommend", level});
            made.add(new String[] {"UserTask_DecideProposal", "bestyrelse", "bestyrelse",
                status.equals("REJECTED") ? "reject" : "approve", level});
            if (random.nextInt(4) == 0) {
              made.add(new String[] {"UserTask_DecideLevelChange", "bestyrelse", "bestyrelse", "approve", level});
            }
          }
          LocalDate decided = since.minusDays(40);
          for (String[] d : made) {
            int q = 1;
            decision.setString(q++, UUID.randomUUID().toString());
            decision.setString(q++, id);
            decision.setString(q++, null);
            decision.setString(q++, d[0]);
            decision.setString(q++, d[1]);
            decision.setString(q++, d[2]);
            decision.setString(q++, d[3]);
            decision.setString(q++, d[4]);
            decision.setString(q++, "Begrundelse for " + d[3]);
            decision.setString(q++, null);
            decision.setDate(q++, d[1].equals("bestyrelse") ? Date.valueOf(decided) : null);
            decision.setString(q++, d[1].equals("bestyrelse") ? "Referat pkt. " + (i % 12 + 1) : null);
            decision.setString(q++, level);
            decision.setString(q++, "os2-levels 1.0");
            decision.setTimestamp(q++, Timestamp.valueOf(decided.atStartOfDay()));
            decision.addBatch();
            decided = decided.plusDays(10);
            decisions++;
          }
          if (i % 1000 == 0) {
            product.executeBatch();
            usage.executeBatch();
            decision.executeBatch();
          }
        }
        product.executeBatch();
        usage.executeBatch();
        decision.executeBatch();
      }
      c.commit();
      try (var analyze = c.createStatement()) {
        c.setAutoCommit(true);
        analyze.execute("analyze");
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("products", products);
    result.put("decisions", decisions);
    result.put("seconds", (System.nanoTime() - began) / 1e9);
    return result;
  }

  private static int indexOf(String municipality) {
    for (int i = 0; i < MUNICIPALITIES.length; i++) {
      if (MUNICIPALITIES[i].equals(municipality)) {
        return i;
      }
    }
    return 0;
  }

  /** Runs inside the application's JVM (its control line): the open tasks, two threads. */
  static Map<String, Object> openTasks(ApplicationContext context, int perBody) {
    long began = System.nanoTime();
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    Catalogue catalogue = context.getBean(Catalogue.class);
    LevelChanges levelChanges = context.getBean(LevelChanges.class);
    List<String> n3 = new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForList(
        "select id from product where status = 'ACTIVE' and level = 'N3' and name like ? order by name limit ?",
        String.class, PREFIX + "%", perBody);
    if (n3.size() < perBody) {
      throw new IllegalStateException("only " + n3.size() + " seeded N3 products for " + perBody + " evaluations");
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < perBody; i++) {
      String product = n3.get(i);
      work.add(pool.submit(() -> proposal(engine, catalogue, 1)));
      work.add(pool.submit(() -> proposal(engine, catalogue, 2)));
      work.add(pool.submit(() -> evaluation(engine, catalogue, levelChanges, product)));
    }
    try {
      for (Future<?> future : work) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("seeding open tasks failed", e);
    } finally {
      pool.shutdown();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processInstances", work.size());
    result.put("seconds", (System.nanoTime() - began) / 1e9);
    return result;
  }

  private static void as(ProcessEngine engine, String user, String group) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
  }

  /** A proposal moved on {@code steps} steps: 1 = waiting for the committee, 2 = for the board. */
  private static void proposal(ProcessEngine engine, Catalogue catalogue, int steps) {
    as(engine, "kommune", "kommuner");
    String pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, Proposals.uniqueName("Skalaforslag"), "N1")).getId();
    TaskService tasks = engine.getTaskService();
    as(engine, "sekretariat", "forretningsledelse");
    tasks.complete(single(engine, pi).getId(), Map.of("screeningDecision", "forward", "screeningComment", "Ok"));
    if (steps > 1) {
      as(engine, "forretningsudvalg", "forretningsudvalg");
      tasks.complete(single(engine, pi).getId(), Map.of("committeeRecommendation", "recommend",
          "recommendedLevel", "N1", "committeeRationale", "Anbefales"));
    }
    engine.getIdentityService().clearAuthentication();
  }

  /** An N3 product's evaluation brought forward, updated and evaluated: operations review waits. */
  private static void evaluation(ProcessEngine engine, Catalogue catalogue, LevelChanges levelChanges, String product) {
    as(engine, "sekretariat", "forretningsledelse");
    String pi = levelChanges.annualCycle(product, true).processInstanceId();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi).timers().list()) {
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException raced) {
        // the job executor took it first
      }
    }
    TaskService tasks = engine.getTaskService();
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Criterion c : catalogue.criteriaUpTo("N3")) {
      answers.put(c.answerVariable(), "Ja");
      answers.put(c.documentationVariable(), "Se repository");
    }
    tasks.complete(awaitTask(engine, pi, "UserTask_UpdateAnnualSelfAssessment").getId(), answers);
    tasks.complete(awaitTask(engine, pi, "UserTask_ReviewBySecretariat").getId(),
        Map.of("secretariatRecommendation", "keep", "secretariatAssessment", "Fint"));
    engine.getIdentityService().clearAuthentication();
  }

  private static Task single(ProcessEngine engine, String pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
  }

  private static Task awaitTask(ProcessEngine engine, String pi, String key) {
    return await("task " + key + " in " + pi).atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(key)
            .singleResult(), Objects::nonNull);
  }

}
