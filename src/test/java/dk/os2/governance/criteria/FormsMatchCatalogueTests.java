package dk.os2.governance.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.submission.FormField;
import dk.os2.governance.submission.FormSchema;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The proposal forms ask exactly the catalogue's criteria: a catalogue change shows up here. */
class FormsMatchCatalogueTests {

  @ParameterizedTest
  @ValueSource(strings = {"proposal-start", "supplement-proposal"})
  void everyCriterionHasItsFieldsAndNoOthers(String formId) throws IOException {
    Catalogue catalogue;
    try (InputStream in = getClass().getResourceAsStream("/catalogue/os2-levels.yaml")) {
      catalogue = CatalogueConfiguration.read(in);
    }
    FormSchema form = FormSchema.parse(new ObjectMapper().readTree(new File("forms/" + formId + ".form")));

    for (Criterion c : catalogue.criteria()) {
      FormField answer = form.field(c.answerVariable()).orElseThrow(() -> new AssertionError("no answer field for " + c.id()));
      assertThat(answer.values()).containsExactly("Ja", "Nej", "Ikke relevant", "Ved ikke");
      assertThat(answer.conditional()).as(c.id() + " is hidden below its level").isEqualTo(!"N1".equals(c.level()));
      assertThat(form.field(c.documentationVariable())).as(c.id()).isPresent();
      assertThat(form.field(c.deviationVariable()).isPresent()).as(c.id() + " deviation field")
          .isEqualTo(c.deviationAllowed());
    }
    long criterionFields = form.fields().keySet().stream().filter(k -> k.startsWith("sa_")).count();
    long expected = catalogue.criteria().stream().mapToLong(c -> c.deviationAllowed() ? 3 : 2).sum();
    assertThat(criterionFields).isEqualTo(expected);
  }
}
