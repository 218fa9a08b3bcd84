package dk.os2.governance.statutes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The statutes change's model and forms agree: each deciding task's outcomes are the choices its form
 * offers, and the fields the model names are in the form; the diff counts lines as a reader would;
 * the majority rules are the documented ones.
 */
class StatutesModelTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTaskOfTheChangeSaysWhatItDecidesAndItsFormAsksForIt() throws IOException {
    List<String> checked = new ArrayList<>();
    for (UserTask task : Bpmn.readModelFromFile(new File("bpmn/statutes-change.bpmn")).getModelElementsByType(UserTask.class)) {
      Map<String, String> model = StatutesDecisionRecorder.properties(task);
      Map<String, List<String>> form = fields(task.getCamundaFormRef());
      List<String> outcomes = model.keySet().stream().filter(k -> k.startsWith("label.")).map(k -> k.substring(6)).toList();
      assertThat(form.get(model.get("outcome"))).as("outcomes of %s", task.getId()).containsExactlyInAnyOrderElementsOf(outcomes);
      assertThat(form).as("rationale of %s", task.getId()).containsKey(model.get("rationale"));
      assertThat(task.getCamundaCandidateGroups()).as("a body for %s", task.getId()).isNotBlank();
      if (Boolean.parseBoolean(model.get("generalAssembly"))) {
        assertThat(form).containsKeys(GeneralAssemblyVote.MEETING_DATE, GeneralAssemblyVote.VOTES_FOR,
            GeneralAssemblyVote.VOTES_AGAINST, GeneralAssemblyVote.VOTES_ABSTAINING, GeneralAssemblyVote.QUORUM_MET,
            GeneralAssemblyVote.MINUTES);
        assertThat(task.getCamundaCandidateGroups()).isEqualTo("generalforsamling");
      }
      checked.add(task.getId());
    }
    assertThat(checked).containsExactlyInAnyOrder("UserTask_RecommendChange", "UserTask_ReviseChange", "UserTask_DecideChange");
  }

  @Test
  void theDiffShowsAddedRemovedAndKeptLinesWithTheirNumbers() {
    LineDiff diff = LineDiff.of("§ 1 Navn\n§ 2 Formål\n§ 3 Medlemmer\n", "§ 1 Navn\n§ 2 Nyt formål\n§ 3 Medlemmer\n§ 4 Ny\n");
    assertThat(diff.added()).isEqualTo(2);
    assertThat(diff.removed()).isEqualTo(1);
    assertThat(diff.summary()).isEqualTo("2 linjer tilføjet, 1 linje fjernet");
    assertThat(diff.lines()).extracting(LineDiff.Line::kind).containsExactly(LineDiff.Kind.SAME, LineDiff.Kind.REMOVED,
        LineDiff.Kind.ADDED, LineDiff.Kind.SAME, LineDiff.Kind.ADDED, LineDiff.Kind.SAME);
    assertThat(diff.lines().get(4)).isEqualTo(new LineDiff.Line(LineDiff.Kind.ADDED, null, 4, "§ 4 Ny"));
  }

  @Test
  void statutesNeedTwoThirdsOfTheVotesCastAndLicenceTermsASimpleMajority() {
    assertThat(GeneralAssemblyVote.adopted(DocumentKind.STATUTES, 20, 10, true)).isTrue();
    assertThat(GeneralAssemblyVote.adopted(DocumentKind.STATUTES, 20, 11, true)).isFalse();
    assertThat(GeneralAssemblyVote.adopted(DocumentKind.STATUTES, 20, 10, false)).as("no quorum").isFalse();
    assertThat(GeneralAssemblyVote.adopted(DocumentKind.STATUTES, 0, 0, true)).as("nobody voted for").isFalse();
    assertThat(GeneralAssemblyVote.adopted(DocumentKind.LICENCE_TERMS, 11, 10, true)).isTrue();
    assertThat(GeneralAssemblyVote.adopted(DocumentKind.LICENCE_TERMS, 10, 10, true)).as("a tie does not carry").isFalse();
  }

  @Test
  void everyStatusAndDocumentHasADanishLabel() throws IOException {
    java.util.Properties messages = new java.util.Properties();
    try (var in = new java.io.InputStreamReader(new java.io.FileInputStream("src/main/resources/messages.properties"),
        java.nio.charset.StandardCharsets.UTF_8)) {
      messages.load(in);
    }
    for (VersionStatus status : VersionStatus.values()) {
      assertThat(messages.getProperty("statutes.status." + status.name())).as(status.name()).isNotBlank();
    }
    for (DocumentKind kind : DocumentKind.values()) {
      assertThat(messages.getProperty("statutes.kind." + kind.name())).isEqualTo(kind.danishName());
    }
  }

  private static Map<String, List<String>> fields(String formId) throws IOException {
    JsonNode schema = JSON.readTree(new File("forms/" + formId + ".form"));
    assertThat(schema.path("id").asText()).isEqualTo(formId);
    Map<String, List<String>> fields = new HashMap<>();
    for (JsonNode component : schema.path("components")) {
      if (component.hasNonNull("key")) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(value -> values.add(value.path("value").asText()));
        fields.put(component.get("key").asText(), values);
      }
    }
    return fields;
  }
}
