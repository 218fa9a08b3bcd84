package dk.os2.governance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.MemberRole;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The steering group's chair, in Debian's headless Chromium, opens its self-assessment task in
 * Tasklist, follows the form's link to the upload page (a new tab), uploads the JSON of OS2's
 * self-assessment form, and back in Tasklist finds the answers in the task's form, reviews them,
 * adds the deviation an answer needs and completes the task.
 */
class SelfAssessmentUploadBrowserTests extends BrowserTests {

  static final String CHAIR = "sofiestyre";
  static final String PASSWORD = "hemmeligt-kodeord";

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  Catalogue catalogue;

  @Test
  void theSteeringGroupUploadsFromItsTaskAndSeesTheAnswersInTheForm() throws Exception {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(CHAIR).singleResult() == null) {
      User user = identity.newUser(CHAIR);
      user.setFirstName("Sofie");
      user.setLastName("Styregruppe");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    String name = Proposals.uniqueName("Selvevaluering");
    String product = portfolio.registerProposal(new Portfolio.Proposal(name, "Formål", "Behov", "Aarhus Kommune",
        "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0", "https://github.com/OS2/x", "N1",
        "kommune", null));
    portfolio.approve(product, "N1", LocalDate.now().minusYears(1));
    groups.add(product, GroupKind.STEERING, CHAIR, MemberRole.PARTICIPANT, "Aarhus Kommune");
    RestClient.Response started = new RestClient(baseUrl(), CHAIR, PASSWORD)
        .post("/api/products/" + product + "/level-changes", Map.of("targetLevel", "N2", "reason", "Flere kommuner"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(product).singleResult();
    Path file = Files.createTempFile("selvevaluering", ".json");
    Files.writeString(file, export(name));

    try {
      login(CHAIR, PASSWORD);
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filterId("Mine gruppers opgaver"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), name));
      openCard(name);
      By linkText = By.xpath("//a[contains(normalize-space(.), 'Indlæs selvevalueringen fra OS2')]");
      WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(linkText));
      assertThat(link.getAttribute("href")).endsWith("/app/opgaver/" + task.getId() + "/selvevaluering");
      assertThat(link.getAttribute("target")).as("the unsaved form stays open").isEqualTo("_blank");
      String tasklist = browser.getWindowHandle();
      // The group claims its task, then follows the link (Tasklist keeps an unclaimed form inert).
      click(By.xpath("//button[normalize-space(.)='Tag opgaven']"));
      wait.until(d -> d.findElement(By.cssSelector(".fjs-form textarea")).isEnabled());
      click(linkText);
      wait.until(d -> d.getWindowHandles().size() == 2);
      String upload = browser.getWindowHandles().stream().filter(h -> !h.equals(tasklist)).findFirst().orElseThrow();
      browser.switchTo().window(upload);

      // The upload page: the task, the file, the result.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Indlæs selvevaluering"));
      assertThat(browser.findElement(By.id("opgave")).getText()).contains(name).contains("Opdatér selvevalueringen")
          .contains("N2");
      browser.findElement(By.cssSelector("input[type='file'][name='file']")).sendKeys(file.toAbsolutePath().toString());
      browser.findElement(By.xpath("//button[normalize-space(.)='Indlæs selvevalueringen']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resultat")));
      int n2 = catalogue.criteriaUpTo("N2").size();
      assertThat(browser.findElement(By.id("resultat")).getText()).contains(n2 + " svar er skrevet ind i opgaven.")
          .contains("genkendt som os2-levels 1.0").contains("N1-1").contains("Dokumentation for N2-4");
      browser.close();
      browser.switchTo().window(tasklist);

      // Back in Tasklist, the task opened again: the answers are in the form, for review.
      browser.navigate().refresh();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), name));
      openCard(name);
      WebElement documentation = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("[id$='Field_sa_N2_4_documentation']")));
      wait.until(d -> "Dokumentation for N2-4".equals(documentation.getAttribute("value")));
      // The select fields render after the text fields: wait for the field's text before reading it.
      wait.until(d -> fieldOf("Field_sa_N1_1_answer").getText().contains("Nej"));
      WebElement answer = fieldOf("Field_sa_N1_1_answer");
      assertThat(answer.getText()).contains("Nej");
      assertThat(browser.findElement(By.cssSelector("[id$='Field_sa_N2_4_answer']"))
          .findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]")).getText()).contains("Ja");

      // The answer Nej asks for a documented deviation: the group adds it and completes the task.
      type("Field_sa_N1_1_deviation", "Behovet er rejst af to kommuner");
      click(By.xpath("//button[normalize-space(.)='Afslut']"));
      waitUntil("Tasklist completes the self-assessment",
          () -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
      Map<String, Object> variables = new java.util.HashMap<>();
      engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .list().forEach(v -> variables.put(v.getName(), v.getValue()));
      assertThat(variables).containsEntry("sa_N1_1_answer", "Nej").containsEntry("sa_N2_4_answer", "Ja")
          .containsEntry("sa_N1_1_deviation", "Behovet er rejst af to kommuner")
          .containsEntry("sa_N2_4_documentation", "Dokumentation for N2-4");
    } catch (RuntimeException | Error e) {
      screenshot("self-assessment-upload-failure");
      throw e;
    }
  }

  /** What OS2's self-assessment form exports: every criterion Ja, N1-1 Nej. */
  private String export(String productName) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("productName", productName);
    root.put("filledBy", "Sofie Styregruppe");
    root.put("filledDate", "2026-11-20");
    ArrayNode krav = root.putArray("krav");
    List<Criterion> all = new ArrayList<>(catalogue.criteria());
    for (Criterion c : all) {
      ObjectNode item = krav.addObject();
      item.put("id", c.id());
      item.put("kategori", c.theme());
      item.put("krav", c.title());
      item.put("produktniveau", c.level());
      item.put("efterlevet", c.id().equals("N1-1") ? "Nej" : "Ja");
      item.put("dokumentation", "Dokumentation for " + c.id());
    }
    return root.toPrettyString();
  }
}
