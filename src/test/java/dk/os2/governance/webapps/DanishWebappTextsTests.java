package dk.os2.governance.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Danish texts of Camunda's webapps are complete: every text of the English locale file that
 * Camunda 7.24 ships (read from the webjar on the classpath) has a Danish text in our
 * {@code locales/da.json}, under the same key, not empty, with the same placeholders and HTML, so
 * that no English word shows up in a Danish screen and no value goes missing from a message.
 */
class DanishWebappTextsTests {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  /**
   * What must survive translation unchanged: {{name}}, {0}, {}, %d, %s, HTML tags and entities, line
   * breaks. Not texts in angle brackets such as {@code <undefined>}, which are words to translate.
   */
  private static final Pattern KEPT = Pattern.compile(
      "\\{\\{[^}]*\\}\\}|\\{\\d*\\}|</?(a|b|i|em|strong|br|p|span|code|ul|ol|li|div)\\b[^>]*>|&[a-z]+;|%[ds]|\n");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishTextHasItsDanishText(String app) throws IOException {
    JsonNode english = read(app, "en");
    JsonNode danish = read(app, "da");

    assertThat(problems(english.path("labels"), danish.path("labels"))).isEmpty();
    assertThat(english.path("labels").size()).as("Camunda's English texts were found").isGreaterThan(30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreDanish(String app) throws IOException {
    JsonNode dates = read(app, "da").path("dateLocales");

    assertThat(dates.path("months").get(0).asText()).isEqualTo("januar");
    assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("mandag");
    assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD-MM-YYYY");
    assertThat(dates.path("week").path("dow").asInt()).as("the week starts on Monday").isEqualTo(1);
  }

  @Test
  void tasklistSpeaksDanishWhereABoardMemberLooks() throws IOException {
    JsonNode labels = read("tasklist", "da").path("labels");

    assertThat(labels.path("START_PROCESS").asText()).isEqualTo("Start proces");
    assertThat(labels.path("SELECT_TASK_IN_LIST").asText()).isEqualTo("Vælg en opgave på listen.");
    assertThat(labels.path("CLAIM_TASK").asText()).isEqualTo("Tag opgaven");
    assertThat(labels.path("COMPLETE").asText()).isEqualTo("Afslut");
    // The notice before the server's Danish refusal (os2-field-errors.js puts the message at its field).
    assertThat(labels.path("PROCESS_START_ERROR").asText()).isEqualTo("Processen blev ikke startet");
    assertThat(labels.path("COMPLETE_ERROR").asText()).isEqualTo("Formularen blev ikke sendt");
  }

  @Test
  void aMissingOrEnglishOrBrokenTextIsFound() throws IOException {
    JsonNode english = read("tasklist", "en").path("labels");
    ObjectNode danish = (ObjectNode) read("tasklist", "da").path("labels").deepCopy();
    danish.remove("START_PROCESS");
    danish.put("CLAIM_TASK", "");
    danish.put("PROCESS_START_OK", "Processen er startet"); // fine: no placeholder in the English either
    danish.put("PAGES_MSG_ACCESS_DENIED_RESOURCE_ID", "Du har ikke tilladelse til at {{permissionName}} {{resourceName}}.");

    assertThat(problems(english, danish)).containsExactlyInAnyOrder(
        "START_PROCESS: missing",
        "CLAIM_TASK: empty",
        "PAGES_MSG_ACCESS_DENIED_RESOURCE_ID: placeholders [{{permissionName}}, {{resourceId}}, {{resourceName}}] "
            + "became [{{permissionName}}, {{resourceName}}]");
  }

  /** Every key path of {@code english} that {@code danish} lacks, leaves empty or translates with other placeholders. */
  static List<String> problems(JsonNode english, JsonNode danish) {
    List<String> problems = new ArrayList<>();
    compare("", english, danish, problems);
    return problems;
  }

  private static void compare(String path, JsonNode english, JsonNode danish, List<String> problems) {
    if (english.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = english.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (danish == null || !danish.has(field.getKey())) {
          problems.add(key + ": missing");
        } else {
          compare(key, field.getValue(), danish.get(field.getKey()), problems);
        }
      }
      return;
    }
    if (!danish.isTextual()) {
      problems.add(path + ": not a text");
    } else if (danish.asText().isBlank() && !english.asText().isBlank()) {
      problems.add(path + ": empty");
    } else if (!kept(english.asText()).equals(kept(danish.asText()))) {
      problems.add(path + ": placeholders " + kept(english.asText()) + " became " + kept(danish.asText()));
    }
  }

  private static List<String> kept(String text) {
    List<String> kept = new ArrayList<>();
    Matcher matcher = KEPT.matcher(text);
    while (matcher.find()) {
      kept.add(matcher.group());
    }
    Collections.sort(kept); // Danish may name them in another order
    return kept;
  }

  private JsonNode read(String app, String language) throws IOException {
    String name = String.format(LOCALES, app, language);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name + " on the classpath").isNotNull();
      // Camunda's files start with a byte order mark, which Jackson does not skip.
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return json.readTree(text);
    }
  }
}
