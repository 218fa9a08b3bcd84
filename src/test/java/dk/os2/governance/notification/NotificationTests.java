package dk.os2.governance.notification;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.TestMail;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.proposal.Proposals;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** E-mail through a real SMTP server (GreenMail): who gets what, once, after commit, never lost. */
class NotificationTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Outbox outbox;

  @Autowired
  MailQueue queue;

  @Autowired
  DueTaskScanner scanner;

  @Autowired
  JavaMailSenderImpl mailSender;

  @Autowired
  PlatformTransactionManager transactions;

  @AfterEach
  void restore() {
    mailSender.setPort(TestMail.port());
    ClockUtil.reset();
  }

  ProcessInstance propose(String name) {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
          Proposals.valid(catalogue, name, "N1"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  OutboxEntry settledMail(String key) {
    await("mail " + key + " settled").atMost(ofSeconds(60)).until(() -> outbox.byKey(key)
        .filter(e -> e.status() != MailStatus.PENDING).isPresent());
    return outbox.byKey(key).orElseThrow();
  }

  /**
   * The positive signal that nothing more is on its way for this process: the job executor has
   * no mail job left that it could run now (every queued, retried or extra mail job is done), and
   * every mail of the process is settled. Only then does "nothing else was sent" mean something.
   */
  void allMailWorkDone(String processInstanceId) {
    await("every mail job of " + processInstanceId + " done").atMost(ofSeconds(60)).until(() ->
        outbox.forProcess(processInstanceId).stream().noneMatch(e -> e.status() == MailStatus.PENDING)
            && engine.getManagementService().createJobQuery().executable().list().stream()
                .noneMatch(job -> MailJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())));
  }

  static String outboxId(MimeMessage message) {
    try {
      return message.getHeader("X-OS2-Outbox-Id", null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> to(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(MimeMessage message) {
    try {
      return collect(message.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String collect(Object content) throws Exception {
    if (content instanceof MimeMultipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(collect(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }

  @Test
  void aNewTaskMailsItsBodyInDanishWithADirectLink() {
    String name = Proposals.uniqueName("Mail");
    ProcessInstance pi = propose(name);
    Task screening = task(pi);

    OutboxEntry mail = settledMail("task-created:" + screening.getId());
    assertThat(mail.status()).isEqualTo(MailStatus.SENT);

    List<MimeMessage> received = TestMail.withSubject(name);
    assertThat(received).hasSize(1);
    MimeMessage message = received.get(0);
    assertThat(to(message)).containsExactly("sekretariat@demo.os2.dk");
    assertThat(mail.subject()).isEqualTo("Ny opgave: Screen forslaget – " + name);
    String body = text(message);
    assertThat(body).contains("Produkt: " + name).contains("Frist: ").contains("Proces: Projektforslag")
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + screening.getId())
        .contains("<a href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=" + screening.getId() + "\"");
  }

  @Test
  void groupMembersWithoutAnAddressAreSkipped() {
    User withAddress = user("fumedmail", "fu@kommune.dk");
    User withoutAddress = user("fuudenmail", null);
    try {
      String name = Proposals.uniqueName("UdenAdresse");
      ProcessInstance pi = propose(name);
      complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Ok"));
      OutboxEntry mail = settledMail("task-created:" + task(pi).getId());
      assertThat(mail.recipients().split(", ")).containsExactlyInAnyOrder("forretningsudvalg@demo.os2.dk", "fu@kommune.dk");
    } finally {
      engine.getIdentityService().deleteUser(withAddress.getId());
      engine.getIdentityService().deleteUser(withoutAddress.getId());
    }
  }

  User user(String id, String email) {
    User user = engine.getIdentityService().newUser(id);
    user.setEmail(email);
    user.setPassword("hemmeligt-password");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, "forretningsudvalg");
    return user;
  }

  @Test
  void aRolledBackCompletionSendsNothing() {
    String name = Proposals.uniqueName("Rulletilbage");
    ProcessInstance pi = propose(name);
    String screening = task(pi).getId();
    settledMail("task-created:" + screening);

    String[] rolledBack = new String[1];
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        engine.getTaskService().complete(screening, Map.of("screeningDecision", "forward", "screeningComment", "Ok"));
        Task committee = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
            .taskDefinitionKey("UserTask_RecommendProposal").singleResult();
        assertThat(committee).isNotNull();
        rolledBack[0] = committee.getId();
        throw new IllegalStateException("the caller's transaction fails after the completion");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(rolledBack[0]).as("the rolled-back transaction had created the committee's task").isNotNull();
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("UserTask_ScreenProposal");
    assertThat(outbox.forProcess(pi.getId())).extracting(OutboxEntry::taskId).containsExactly(screening);
    assertThat(outbox.byKey("task-created:" + rolledBack[0])).isEmpty();

    // The same completion again, committed: its mail is queued after anything the rolled-back one
    // could have left behind. Once it has arrived and no mail job is left, the committee's task
    // has been announced exactly once, by the committed completion.
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Ok"));
    String committee = task(pi).getId();
    OutboxEntry announced = settledMail("task-created:" + committee);
    assertThat(announced.status()).isEqualTo(MailStatus.SENT);
    allMailWorkDone(pi.getId());

    assertThat(outbox.forProcess(pi.getId())).filteredOn(e -> e.kind() == MailKind.TASK_CREATED)
        .extracting(OutboxEntry::taskId).containsExactly(screening, committee);
    List<MimeMessage> mails = TestMail.withSubject("Indstil forslaget – " + name);
    assertThat(mails).hasSize(1);
    assertThat(outboxId(mails.get(0))).isEqualTo(announced.id());
    assertThat(TestMail.withSubject(name + ": Sendt videre til Forretningsudvalget"))
        .as("the proposer hears of the forwarding once, from the committed completion").hasSize(1);
  }

  @Test
  void whenTheMailServerIsDownTheMailIsRetriedAndDeliveredOnce() {
    mailSender.setPort(TestMail.freePort()); // nothing listens there
    String name = Proposals.uniqueName("Nede");
    ProcessInstance pi = propose(name);
    String key = "task-created:" + task(pi).getId();

    await("a failed attempt").atMost(ofSeconds(60))
        .until(() -> outbox.byKey(key).filter(e -> e.attempts() >= 1).isPresent());
    OutboxEntry failing = outbox.byKey(key).orElseThrow();
    assertThat(failing.status()).isEqualTo(MailStatus.PENDING);
    assertThat(failing.lastError()).isNotBlank();
    assertThat(TestMail.withSubject(name)).isEmpty();

    mailSender.setPort(TestMail.port());
    assertThat(settledMail(key).status()).isEqualTo(MailStatus.SENT);
    assertThat(TestMail.withSubject(name)).hasSize(1);
  }

  @Test
  void whenRetriesRunOutTheSecretariatSeesTheFailureAndSendsItAgain() {
    mailSender.setPort(TestMail.freePort());
    String name = Proposals.uniqueName("Opbrugt");
    ProcessInstance pi = propose(name);
    String key = "task-created:" + task(pi).getId();

    OutboxEntry failed = settledMail(key);
    assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("MailSendException");

    // Management sees the failure in Cockpit: the sending job's incident, on the proposal process.
    await("the failed mail's incident").atMost(ofSeconds(60)).until(() ->
        engine.getRuntimeService().createIncidentQuery().configuration(failed.jobId()).count() == 1);
    Incident incident = engine.getRuntimeService().createIncidentQuery().configuration(failed.jobId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getProcessDefinitionId()).isEqualTo(pi.getProcessDefinitionId());
    assertThat(incident.getIncidentMessage()).contains("kunne ikke sendes");
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    assertThat(secretariat.get("/engine-rest/incident?processDefinitionId=" + pi.getProcessDefinitionId()).json())
        .as("the secretariat reads the incident as Cockpit does")
        .anySatisfy(i -> assertThat(i.path("id").asText()).isEqualTo(incident.getId()));

    assertThat(secretariat.get("/app/udbakke").body()).contains(name).contains("Fejlet");
    assertThat(RestClient.as(baseUrl(), "bestyrelse").get("/app/udbakke").status()).isEqualTo(403);

    mailSender.setPort(TestMail.port());
    assertThat(secretariat.post("/api/outbox/" + failed.id() + "/resend", Map.of()).status()).isIn(200, 302);
    await("sent again").atMost(ofSeconds(60))
        .until(() -> outbox.byKey(key).filter(e -> e.status() == MailStatus.SENT).isPresent());
    assertThat(engine.getRuntimeService().createIncidentQuery().incidentId(incident.getId()).count())
        .as("sending it again resolved the incident").isZero();
    assertThat(engine.getHistoryService().createHistoricIncidentQuery().incidentId(incident.getId()).singleResult()
        .isResolved()).isTrue();
    allMailWorkDone(pi.getId());
    assertThat(TestMail.withSubject(name)).hasSize(1);
  }

  @Test
  void aTaskAssignedRightAfterItWasCreatedMailsItsAssigneeOnce() {
    String name = Proposals.uniqueName("Tildelt");
    ProcessInstance pi = propose(name);
    String screening = task(pi).getId();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      engine.getTaskService().complete(screening, Map.of("screeningDecision", "forward", "screeningComment", "Ok"));
      Task committee = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
      engine.getTaskService().claim(committee.getId(), "forretningsudvalg");
    });
    String committeeTask = task(pi).getId();
    OutboxEntry announced = settledMail("task-created:" + committeeTask);
    assertThat(announced.status()).isEqualTo(MailStatus.SENT);
    allMailWorkDone(pi.getId());

    List<MimeMessage> mails = TestMail.withSubject("Indstil forslaget – " + name);
    assertThat(mails).hasSize(1);
    assertThat(outboxId(mails.get(0))).isEqualTo(announced.id());
    assertThat(to(mails.get(0))).containsExactly("forretningsudvalg@demo.os2.dk");
  }

  @Test
  void aSlowMailServerNeitherSlowsNorFailsACompletion() throws Exception {
    String name = Proposals.uniqueName("Langsom");
    ProcessInstance pi = propose(name);
    String screening = task(pi).getId();
    settledMail("task-created:" + screening);

    try (ServerSocket silent = new ServerSocket(0)) { // accepts connections, never answers
      mailSender.setPort(silent.getLocalPort());
      RestClient.Response response = RestClient.as(baseUrl(), "sekretariat").post(
          "/engine-rest/task/" + screening + "/complete",
          RestClient.variables(Map.of("screeningDecision", "forward", "screeningComment", "Ok")));
      assertThat(response.status()).isEqualTo(204);

      String next = task(pi).getId();
      OutboxEntry queued = outbox.byKey("task-created:" + next).orElseThrow();
      assertThat(queued.status()).as("the request returned before any mail went").isEqualTo(MailStatus.PENDING);
      mailSender.setPort(TestMail.port());
      assertThat(settledMail("task-created:" + next).status()).isEqualTo(MailStatus.SENT);
    }
  }

  @Test
  void theProposerHearsTheBoardsDecisionWithItsRationale() {
    String name = Proposals.uniqueName("Udfald");
    ProcessInstance pi = propose(name);
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Ok"));
    complete(task(pi), withVariables("committeeRecommendation", "recommend", "recommendedLevel", "N1",
        "committeeRationale", "God idé"));
    complete(task(pi), withVariables("boardDecision", "approve", "approvedLevel", "N1", "meetingDate", "2026-11-20",
        "minutesReference", "Referat 7", "boardRationale", "Stærkt behov i kommunerne"));

    await("the board's outcome mail").atMost(ofSeconds(60))
        .until(() -> TestMail.withSubject(name + ": Godkendt af bestyrelsen").size() == 1);
    MimeMessage mail = TestMail.withSubject(name + ": Godkendt af bestyrelsen").get(0);
    assertThat(to(mail)).containsExactlyInAnyOrder("kommune@demo.os2.dk", "karen@aarhus.dk");
    assertThat(text(mail)).contains("Godkendt af bestyrelsen på niveau N1").contains("Stærkt behov i kommunerne")
        .contains("Referat 7");
    assertThat(TestMail.withSubject(name + ": Sendt videre til Forretningsudvalget")).hasSize(1);
  }

  @Test
  void anOpenTaskRemindsBeforeItsDueDateAndEscalatesAfterItOnce() {
    String name = Proposals.uniqueName("Frist");
    ProcessInstance pi = propose(name);
    Task screening = task(pi);
    settledMail("task-created:" + screening.getId());
    long due = screening.getDueDate().getTime();

    ClockUtil.setCurrentTime(new Date(due - 24 * 3600 * 1000L));
    scanner.scan();
    assertThat(scanner.scan()).as("a second scan queues nothing").isZero();
    OutboxEntry reminder = settledMail("reminder:" + screening.getId() + ":" + due);
    assertThat(reminder.subject()).startsWith("Påmindelse: Screen forslaget – " + name);
    assertThat(reminder.recipients()).isEqualTo("sekretariat@demo.os2.dk");

    ClockUtil.setCurrentTime(new Date(due + 3600 * 1000L));
    scanner.scan();
    OutboxEntry escalation = settledMail("escalation:" + screening.getId() + ":" + due);
    assertThat(escalation.status()).isEqualTo(MailStatus.SENT);
    assertThat(escalation.subject()).isEqualTo("Frist overskredet: Screen forslaget – " + name);
    assertThat(escalation.bodyText()).contains("venter stadig på forretningsledelse");
  }

  @Test
  void aMailAlreadySentIsNeverSentAgainByASecondJob() {
    String name = Proposals.uniqueName("Dublet");
    ProcessInstance pi = propose(name);
    String key = "task-created:" + task(pi).getId();
    OutboxEntry sent = settledMail(key);
    assertThat(sent.status()).isEqualTo(MailStatus.SENT);

    assertThat(queue.queue(key, MailKind.TASK_CREATED, task(pi).getId(), pi.getId(), name, null, null))
        .as("the same cause queues nothing").isEmpty();
    queue.requeue(sent.id()); // as a second node or a retry after a crash would run it
    await("the extra job is done").atMost(ofSeconds(60)).until(() -> engine.getManagementService().createJobQuery()
        .jobId(outbox.byKey(key).orElseThrow().jobId()).count() == 0);
    assertThat(TestMail.withSubject(name)).hasSize(1);
  }

  @Test
  void aMailThatWentIsNotSentAgainWhenAnotherMailOfItsJobFails() {
    String name = Proposals.uniqueName("Halvt");
    // Two mails queued in one transaction share one sending job; the second names an address no server takes.
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(ctx -> {
          queue.queue("test-went:" + name, MailKind.OUTCOME, null, null, name,
              List.of(new MailContent.Fact("Afgørelse", "Godkendt")), List.of("kommune@demo.os2.dk"));
          queue.queue("test-fails:" + name, MailKind.OUTCOME, null, null, name,
              List.of(new MailContent.Fact("Afgørelse", "Afvist")), List.of("kommune@@demo.os2.dk"));
          return null;
        });

    OutboxEntry failed = settledMail("test-fails:" + name);
    assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
    assertThat(failed.attempts()).as("tried once and after each wait").isEqualTo(3);
    OutboxEntry went = outbox.byKey("test-went:" + name).orElseThrow();
    assertThat(went.status()).isEqualTo(MailStatus.SENT);
    assertThat(went.jobId()).as("one job sends both").isEqualTo(failed.jobId());
    await("the failed mail's incident").atMost(ofSeconds(60)).until(() ->
        engine.getRuntimeService().createIncidentQuery().configuration(failed.jobId()).count() == 1);
    assertThat(TestMail.withSubject(name + ": Godkendt"))
        .as("the mail that went is not sent again by the job's retries").hasSize(1);
    assertThat(TestMail.withSubject(name + ": Afvist")).isEmpty();
  }

  @Autowired
  MailComposer composer;

  @Autowired
  MailRenderer renderer;

  @Autowired
  ApplicationContext context;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aMailTheServerTookIsRecordedSentThoughTheDatabaseIsAwayForAMoment() {
    String name = Proposals.uniqueName("Blink");
    // The outbox as it is while the database restarts: the first two marks find no connection.
    AtomicInteger away = new AtomicInteger(2);
    Outbox restarting = new Outbox(jdbc) {
      @Override
      void sent(OutboxEntry entry, Collection<String> recipients, String subject, String text, String html) {
        if (away.getAndDecrement() > 0) {
          throw new CannotGetJdbcConnectionException("test: the database is restarting");
        }
        super.sent(entry, recipients, subject, text, html);
      }
    };
    MailJobHandler handler = new MailJobHandler(restarting, composer, renderer,
        context.getBeanProvider(JavaMailSender.class), transactions,
        "OS2 governance <noreply@os2.dk>", List.of(Duration.ofMinutes(1)),
        context.getBeanProvider(MeetingAgendaMail.class));
    String job = "test-blink-" + UUID.randomUUID();
    String id = outbox.add("test-blink:" + name, MailKind.OUTCOME, null, null, name,
        List.of(new MailContent.Fact("Afgørelse", "Godkendt"), new MailContent.Fact("Niveau", "N1")),
        List.of("kommune@demo.os2.dk"), job).orElseThrow();

    handler.execute(new MailJobHandler.Configuration(job), null, null, null);
    OutboxEntry sent = outbox.entry(id).orElseThrow();
    assertThat(sent.status()).as("recorded once the database was back").isEqualTo(MailStatus.SENT);
    assertThat(sent.addresses()).containsExactly("kommune@demo.os2.dk");
    assertThat(sent.facts()).containsExactly(new MailContent.Fact("Afgørelse", "Godkendt"),
        new MailContent.Fact("Niveau", "N1"));

    handler.execute(new MailJobHandler.Configuration(job), null, null, null); // as a retry of the job would
    assertThat(TestMail.withSubject(name)).as("the mail went once").hasSize(1);
  }

  @Test
  void aMarkThatWaitingCannotCureFailsTheJobAtOnce() {
    String name = Proposals.uniqueName("Dobbelt");
    // As when a second execution of the job marked the mail first: the recipients are there already.
    AtomicInteger marks = new AtomicInteger();
    Outbox markedFirst = new Outbox(jdbc) {
      @Override
      void sent(OutboxEntry entry, Collection<String> recipients, String subject, String text, String html) {
        marks.incrementAndGet();
        throw new DuplicateKeyException("test: duplicate key value violates unique constraint \"mail_recipient_pkey\"");
      }
    };
    MailJobHandler handler = new MailJobHandler(markedFirst, composer, renderer,
        context.getBeanProvider(JavaMailSender.class), transactions, "OS2 governance <noreply@os2.dk>",
        List.of(Duration.ofMinutes(1)), context.getBeanProvider(MeetingAgendaMail.class));
    String job = "test-twice-" + UUID.randomUUID();
    outbox.add("test-twice:" + name, MailKind.OUTCOME, null, null, name,
        List.of(new MailContent.Fact("Afgørelse", "Godkendt")), List.of("kommune@demo.os2.dk"), job).orElseThrow();

    assertThatThrownBy(() -> handler.execute(new MailJobHandler.Configuration(job), null, null, null))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(marks).as("tried once: the job fails and its thread is free at once").hasValue(1);
  }
}
