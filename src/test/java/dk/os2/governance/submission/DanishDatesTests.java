package dk.os2.governance.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every date in every form is entered as Danish dd-mm-åååå, read unambiguously, and refused when it cannot be. */
class DanishDatesTests {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "03-11-2026, 2026-11-03",
      "03.11.2026, 2026-11-03",
      "3.11.2026, 2026-11-03",
      "26.11.2026, 2026-11-26",
      "29-02-2024, 2024-02-29",
      "2026-11-03, 2026-11-03",
      "2026-11-03T00:00:00, 2026-11-03"})
  void dayFirstAndIsoDatesAreReadAsMeant(String typed, String meant) {
    assertThat(MeetingDate.parse(typed)).isEqualTo(LocalDate.parse(meant));
    assertThat(MeetingDate.formatProblems("«Dato»", typed)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "31-02-2026 | findes ikke",
      "29.02.2026 | findes ikke",
      "13-13-2026 | findes ikke",
      "2026-02-30 | findes ikke",
      "11/03/2026 | kan læses på to måder",
      "03/11/2026 | kan læses på to måder",
      "2026/11/03 | kan læses på to måder",
      "03-11-26 | skal være en dato som dd-mm-åååå",
      "3. november 2026 | skal være en dato som dd-mm-åååå",
      "03-11.2026 | skal være en dato som dd-mm-åååå",
      "20261103 | skal være en dato som dd-mm-åååå"})
  void impossibleAmbiguousAndForeignDatesAreRefusedInDanish(String typed, String message) {
    assertThat(MeetingDate.parse(typed)).isNull();
    assertThat(MeetingDate.formatProblems("«Bestyrelsesmødets dato»", typed)).singleElement().asString()
        .startsWith("«Bestyrelsesmødets dato»").contains(message).contains("dd-mm-åååå");
  }

  @Test
  void theMeetingMayNotLieInTheFuture() {
    LocalDate tomorrow = LocalDate.now().plusDays(1);
    assertThat(MeetingDate.problems(MeetingDate.danish(tomorrow))).singleElement().asString()
        .contains("kan ikke ligge i fremtiden").contains(MeetingDate.danish(tomorrow));
    assertThat(MeetingDate.problems(MeetingDate.danish(LocalDate.now()))).isEmpty();
    assertThat(MeetingDate.problems(null)).singleElement().asString().contains("skal udfyldes som dd-mm-åååå");
    assertThat(MeetingDate.danish(LocalDate.of(2026, 11, 3))).isEqualTo("03-11-2026");
  }

  /** Every form's date fields, found by their marker, by a date picker, or by a name that says date. */
  static List<JsonNode> dateLikeFields() throws IOException {
    List<JsonNode> fields = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        collect(new ObjectMapper().readTree(file.toFile()).path("components"), fields);
      }
    }
    return fields;
  }

  static void collect(JsonNode components, List<JsonNode> fields) {
    for (JsonNode c : components) {
      collect(c.path("components"), fields);
      String key = c.path("key").asText("");
      if ("datetime".equals(c.path("type").asText()) || "date".equals(c.path("properties").path("format").asText())
          || key.toLowerCase().endsWith("date") || key.toLowerCase().contains("dato")) {
        fields.add(c);
      }
    }
  }

  @Test
  void everyDateInEveryFormIsATextFieldAskingForDanishDdMmAaaa() throws IOException {
    List<JsonNode> fields = dateLikeFields();
    assertThat(fields).as("the forms' dates").extracting(f -> f.path("key").asText())
        .contains("meetingDate", "followUpDate");
    for (JsonNode field : fields) {
      String key = field.path("key").asText();
      assertThat(field.path("type").asText()).as(key + ": no English date picker (mm/dd/yyyy)").isEqualTo("textfield");
      assertThat(field.path("properties").path("format").asText()).as(key + " is marked a date").isEqualTo("date");
      assertThat(field.path("label").asText()).as(key).contains("dd-mm-åååå");
      assertThat(field.path("description").asText()).as(key).contains("dag-måned-år");
      Pattern pattern = Pattern.compile(field.path("validate").path("pattern").asText());
      for (String good : new String[] {"03-11-2026", "03.11.2026", "3.11.2026"}) {
        assertThat(pattern.matcher(good).find()).as(key + " accepts " + good).isTrue();
      }
      for (String bad : new String[] {"11/03/2026", "03-11-26", "2026-11-03", "03. nov 2026"}) {
        assertThat(pattern.matcher(bad).find()).as(key + " refuses " + bad + " in the browser").isFalse();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"decide-proposal", "decide-level-change", "decide-annual"})
  void theServerKnowsTheDateFieldsOfEachBoardForm(String formId) throws IOException {
    FormSchema form = FormSchema.parse(new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile()));
    assertThat(form.field("meetingDate")).get().satisfies(f -> assertThat(f.isDate()).isTrue());
  }
}
