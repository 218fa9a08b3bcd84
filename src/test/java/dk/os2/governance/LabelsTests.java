package dk.os2.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.identity.Body;
import dk.os2.governance.portfolio.ProductStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What was decided is shown in Danish: every outcome code a deciding task can record (its
 * {@code decision.label.*} in the models), every product status and every evaluation source has a
 * label in the one message source, and every body a Danish name.
 */
class LabelsTests {

  static Properties messages = new Properties();

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = LabelsTests.class.getResourceAsStream("/messages.properties")) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  static Set<String> outcomeCodes() throws IOException {
    Set<String> codes = new TreeSet<>();
    Pattern label = Pattern.compile("name=\"decision\\.label\\.([A-Za-z]+)\"");
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m = label.matcher(Files.readString(model));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    }
    return codes;
  }

  @Test
  void everyOutcomeCodeOfEveryModelHasADanishLabel() throws IOException {
    Set<String> codes = outcomeCodes();
    assertThat(codes).contains("approve", "return", "forward", "recommend", "reject", "keep", "action", "demote");
    codes.forEach(code -> assertThat(messages.getProperty("outcome." + code)).as("outcome." + code).isNotBlank());
  }

  @Test
  void everyProductStatusAndEvaluationSourceHasADanishLabel() throws ClassNotFoundException {
    Arrays.stream(ProductStatus.values()).forEach(s ->
        assertThat(messages.getProperty("status." + s.name())).as("status." + s).isNotBlank());
    // The evaluation's source is the evaluation module's own type; the pages show it by name.
    Object[] sources = Class.forName("dk.os2.governance.evaluation.Evaluation$Source").getEnumConstants();
    assertThat(sources).isNotEmpty();
    Arrays.stream(sources).map(s -> ((Enum<?>) s).name()).forEach(s ->
        assertThat(messages.getProperty("source." + s)).as("source." + s).isNotBlank());
  }

  @Test
  void everyBodyAndProductGroupIsNamedInDanish() {
    Arrays.stream(Body.values()).forEach(b -> assertThat(Body.danishNameOf(b.groupId())).isEqualTo(b.danishName()));
    assertThat(Body.danishNameOf("sg0123456789abcdef")).isEqualTo("Styregruppe");
    assertThat(Body.danishNameOf("kg0123456789abcdef")).isEqualTo("Koordinationsgruppe");
  }
}
