package dk.os2.governance.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueReader;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.submission.FormSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed forms under {@code forms/} are what the generator makes from the shipped catalogue:
 * a change to a template or to the generator without regenerating them fails here. To regenerate,
 * run this class with {@code -Dos2.forms.write=true}.
 */
class GeneratedFormsTests {

  static Catalogue shipped() throws IOException {
    try (InputStream in = GeneratedFormsTests.class.getResourceAsStream("/catalogue/os2-levels.yaml")) {
      return CatalogueReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"proposal-start", "supplement-proposal", "level-self-assessment"})
  void theCommittedFormIsTheOneGeneratedFromTheShippedCatalogue(String formId) throws IOException {
    String generated = SelfAssessmentForms.generate(formId, shipped());
    Path committed = Path.of("forms", formId + ".form");
    if (Boolean.getBoolean("os2.forms.write")) {
      Files.writeString(committed, generated);
    }
    assertThat(Files.readString(committed))
        .as("forms/%s.form differs from the form generated from the shipped catalogue and "
            + "src/main/resources/form-templates/%s.json; regenerate it with -Dos2.forms.write=true", formId, formId)
        .isEqualTo(generated);
  }

  @Test
  void aNewCriterionGetsItsQuestionAnswerDocumentationAndDeviationAtItsLevel() throws IOException {
    Catalogue shipped = shipped();
    List<Criterion> criteria = new ArrayList<>(shipped.criteria());
    criteria.add(new Criterion("N2-6", "drift", "N2", "Produktet har en driftsaftale",
        "Vedlæg driftsaftalen.", true, true, "koordinationsudvalg"));
    criteria.add(new Criterion("N3-4", "drift", "N3", "Nødplan", null, false, false, "koordinationsudvalg"));
    Catalogue changed = new Catalogue(shipped.id(), "9.9", shipped.title(), shipped.levels(), shipped.themes(), criteria);

    String json = SelfAssessmentForms.generate("proposal-start", changed);
    FormSchema form = FormSchema.parse(new ObjectMapper().readTree(json));

    assertThat(form.field("sa_N2_6_answer").orElseThrow().values()).containsExactly("Ja", "Nej", "Ikke relevant", "Ved ikke");
    assertThat(form.field("sa_N2_6_answer").orElseThrow().conditional()).as("hidden below N2").isTrue();
    assertThat(form.field("sa_N2_6_documentation")).isPresent();
    assertThat(form.field("sa_N2_6_deviation")).isPresent();
    assertThat(form.field("sa_N3_4_answer")).isPresent();
    assertThat(form.field("sa_N3_4_deviation")).as("no deviation where none is allowed").isEmpty();
    assertThat(json).contains("**N2-6 Produktet har en driftsaftale** (Krav)  \\nVedlæg driftsaftalen.")
        .contains("**N3-4 Nødplan** (Anbefaling)\"")
        .contains("productName");
  }
}
