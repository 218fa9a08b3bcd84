package dk.os2.governance.browser;

import static dk.os2.governance.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.RestClient;
import dk.os2.governance.identity.Body;
import dk.os2.governance.statutes.StatutesDrafts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The general assembly decides a statutes change in Tasklist: its own list, the diff in a new tab, the vote. */
class StatutesBrowserTests extends BrowserTests {

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void endLeftoverChanges() {
    StatutesDrafts.endLeftoverChanges(engine, jdbc);
  }

  @Test
  void theGeneralAssemblyRecordsItsVoteInTasklistAndTheNewVersionIsPublished() throws Exception {
    Integer before = jdbc.sql("select max(version_no) from statutes_version where document_kind = 'STATUTES'")
        .query(Integer.class).single();
    String text = jdbc.sql("select body_text from statutes_version where document_kind = 'STATUTES' and version_no = ?")
        .param(before).query(String.class).single() + "\n## § 10 Browserafprøvning\nVedtaget i Tasklist.\n";
    String pi = draft(text);
    Task board = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(RestClient.as(baseUrl(), "bestyrelse").post("/engine-rest/task/" + board.getId() + "/submit-form",
        variables(Map.of("boardRecommendation", "recommend", "boardRationale", "Anbefales."))).status()).isEqualTo(204);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
    LocalDate meeting = LocalDate.now().minusDays(2);
    try {
      login("generalforsamling", "demo");
      String card = openTaskFromList(Body.GENERALFORSAMLING.filterName(), "Vedtægter (ændringsforslag)");
      assertThat(card).contains("Beslut ændringen på generalforsamlingen");
      WebElement link = browser.findElement(By.xpath("//a[contains(., 'forskellene fra den gældende version')]"));
      assertThat(link.getAttribute("target")).isEqualTo("_blank");
      assertThat(link.getAttribute("href")).endsWith("/app/vedtaegter/forslag/" + pi);
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("mindst 2/3 af de afgivne stemmer");
      claim();
      // Tasklist may render the claimed task's form once more after the claim: every typed field is
      // checked again right before completing, and typed anew if that render emptied it.
      Map<String, String> typed = new java.util.LinkedHashMap<>();
      typed.put("Field_meetingDate", meeting.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
      typed.put("Field_votesFor", "41");
      typed.put("Field_votesAgainst", "7");
      typed.put("Field_votesAbstaining", "2");
      typed.forEach(this::typeHeld);
      click(By.xpath("//label[contains(normalize-space(.), 'beslutningsdygtig efter vedtægterne')]"));
      click(By.xpath("//label[normalize-space(.)='Vedtaget']"));
      typed.put("Field_minutesReference", "GF 2026, pkt. 5");
      typed.put("Field_assemblyNotes", "Vedtaget ved skriftlig afstemning.");
      typed.forEach(this::typeHeld);
      clickComplete();
      waitUntil("Tasklist completes the general assembly's decision",
          () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | Error e) {
      screenshot("general-assembly-failure");
      throw e;
    }
    Map<String, Object> adopted = jdbc.sql("""
        select version_no, votes_for, votes_against, votes_abstaining, quorum_met, meeting_date from statutes_version
        where process_instance_id = ?""").param(pi).query().singleRow();
    assertThat(adopted.get("version_no")).isEqualTo(before + 1);
    assertThat(adopted.get("votes_for")).isEqualTo(41);
    assertThat(adopted.get("quorum_met")).isEqualTo(true);
    assertThat(adopted.get("meeting_date").toString()).isEqualTo(meeting.toString());
  }

  private String draft(String text) throws Exception {
    return StatutesDrafts.draft(baseUrl(), "vedtaegter", text, "Afprøvning i browseren.");
  }
}
