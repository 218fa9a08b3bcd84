package dk.os2.governance.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check's rules against hand-worked examples on the shipped catalogue. */
class SelfAssessmentCheckTests {

  static Catalogue catalogue;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SelfAssessmentCheckTests.class.getResourceAsStream("/catalogue/os2-levels.yaml")) {
      catalogue = CatalogueConfiguration.read(in);
    }
  }

  static Map<String, Object> allJa(String level) {
    Map<String, Object> answers = new HashMap<>();
    catalogue.criteriaUpTo(level).forEach(c -> answers.put(c.answerVariable(), "Ja"));
    return answers;
  }

  @Test
  void theShippedCatalogueHoldsTheSeedsThreeLevels() {
    assertThat(catalogue.levels()).extracting(Catalogue.Level::id).containsExactly("N1", "N2", "N3");
    assertThat(catalogue.criteriaUpTo("N1")).hasSize(5);
    assertThat(catalogue.criteriaUpTo("N2")).hasSize(10);
    assertThat(catalogue.criteriaUpTo("N3")).hasSize(13);
    assertThat(catalogue.reference()).isEqualTo("os2-levels 1.0");
  }

  @Test
  void allJaPassesAtTheRequestedLevelAndIndicatesOnlyThatFar() {
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, "N2", allJa("N2"));
    assertThat(result.passed()).isTrue();
    assertThat(result.indicativeLevel()).isEqualTo("N2"); // N3's criteria are unanswered
    assertThat(result.summary()).contains("opfylder kriterierne for N2").contains("os2-levels 1.0");
  }

  @Test
  void mandatoryNejIsAGapAndCapsTheIndicativeLevelBelowIt() {
    Map<String, Object> answers = allJa("N3");
    answers.put("sa_N2_3_answer", "Nej");
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, "N3", answers);
    assertThat(result.passed()).isFalse();
    assertThat(result.gaps()).extracting(SelfAssessmentCheck.Finding::criterionId).containsExactly("N2-3");
    assertThat(result.indicativeLevel()).isEqualTo("N1");
  }

  @Test
  void aRecommendationNeverBlocks() {
    Map<String, Object> answers = allJa("N1");
    answers.put("sa_N1_5_answer", "Nej"); // N1-5 is a recommendation
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, "N1", answers);
    assertThat(result.passed()).isTrue();
    assertThat(result.notes()).extracting(SelfAssessmentCheck.Finding::criterionId).containsExactly("N1-5");
    assertThat(result.indicativeLevel()).isEqualTo("N1");
  }

  @Test
  void aDeviationMustBeDocumentedWhereTheCriterionAllowsOne() {
    Map<String, Object> answers = allJa("N1");
    answers.put("sa_N1_1_answer", "Ikke relevant");
    SelfAssessmentCheck.Result undocumented = SelfAssessmentCheck.check(catalogue, "N1", answers);
    assertThat(undocumented.passed()).isFalse();
    assertThat(undocumented.indicativeLevel()).isNull();
    assertThat(undocumented.summary()).contains("Vejledende niveau: intet");

    answers.put("sa_N1_1_deviation", "Behovet er dokumenteret af KL");
    SelfAssessmentCheck.Result documented = SelfAssessmentCheck.check(catalogue, "N1", answers);
    assertThat(documented.passed()).isTrue();
    assertThat(documented.notes().get(0).problem()).contains("Behovet er dokumenteret af KL");
  }

  @Test
  void aCriterionThatAllowsNoDeviationIsAGapWhenNotMet() {
    Map<String, Object> answers = allJa("N2");
    answers.put("sa_N2_1_answer", "Ved ikke");
    answers.put("sa_N2_1_deviation", "forsøger alligevel");
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, "N2", answers);
    assertThat(result.gaps()).singleElement().satisfies(g -> assertThat(g.problem()).contains("kan ikke fraviges"));
    assertThat(result.indicativeLevel()).isEqualTo("N1");
  }
}
