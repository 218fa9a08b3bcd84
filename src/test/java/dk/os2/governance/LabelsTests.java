package dk.os2.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.identity.Body;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.MemberRole;
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
 * label in the one message source, and every body a Danish name. So does every value of every other
 * enum the pages show (roles, group kinds, traffic lights, bodies, levels, report kinds): a value
 * added without its label fails here.
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

  /** Every value of an enum the pages show, by its name after the prefix ("role.SUPPLIER"). */
  static void labelled(String prefix, Object[] values) {
    assertThat(values).as(prefix).isNotEmpty();
    Arrays.stream(values).map(v -> ((Enum<?>) v).name()).forEach(name ->
        assertThat(messages.getProperty(prefix + name)).as(prefix + name).isNotBlank());
  }

  @Test
  void everyValueOfEveryEnumShownToUsersHasADanishLabel() throws ClassNotFoundException {
    labelled("role.", MemberRole.values());
    labelled("group.", GroupKind.values());
    // Types internal to their modules, shown on the pages by name.
    labelled("light.", Class.forName("dk.os2.governance.evaluation.Light").getEnumConstants());
    Arrays.stream(Class.forName("dk.os2.governance.reporting.ReportPacks$Kind").getEnumConstants())
        .map(k -> "report." + ((Enum<?>) k).name() + ".title")
        .forEach(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
    // Bodies by their group id, the same Danish name the code gives them.
    Arrays.stream(Body.values()).forEach(b ->
        assertThat(messages.getProperty("body." + b.groupId())).as("body." + b.groupId()).isEqualTo(b.danishName()));
    for (String level : new String[] {"N1", "N2", "N3"}) {
      assertThat(messages.getProperty("level." + level)).as("level." + level).startsWith(level + " – ");
    }
  }

  @Test
  void aMissingLabelIsFound() {
    Object[] unlabelled = {Missing.NOT_LABELLED};
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> labelled("role.", unlabelled))
        .isInstanceOf(AssertionError.class).hasMessageContaining("role.NOT_LABELLED");
  }

  enum Missing { NOT_LABELLED }
}
