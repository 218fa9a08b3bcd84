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

  /**
   * A proposal first asked for N3 with every answer "Ja", then was supplemented down to N1: the
   * N2 and N3 answers stay behind in the process, but the check assesses (and the report counts)
   * only N1. The indicative level said "N3" while the board's counts for N2 and N3 showed 0.
   */
  @Test
  void answersAboveTheRequestedLevelNeverRaiseTheIndicativeLevel() {
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, "N1", allJa("N3"));
    assertThat(result.passed()).isTrue();
    assertThat(result.indicativeLevel()).isEqualTo("N1");
    assertThat(result.summary()).contains("Vejledende niveau: N1.");
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

  // A documented deviation, where the criterion allows one, stands in for it: yellow, never a gap.

  @Test
  void atN1ANejWithADocumentedDeviationIsYellowNotRed() {
    Map<String, Object> answers = allJa("N1");
    answers.put("sa_N1_2_answer", "Nej");
    answers.put("sa_N1_2_deviation", "Ejerskabet ligger midlertidigt hos leverandøren");
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, "N1", answers);
    assertThat(result.passed()).isTrue();
    assertThat(result.gaps()).isEmpty();
    assertThat(result.indicativeLevel()).isEqualTo("N1");
    assertThat(result.deviations()).singleElement().satisfies(d -> {
      assertThat(d.criterionId()).isEqualTo("N1-2");
      assertThat(d.deviation()).isEqualTo("Ejerskabet ligger midlertidigt hos leverandøren");
      assertThat(d.problem()).contains("besvaret 'Nej'").contains("tæller gul");
    });
    assertThat(result.summary()).contains("Dokumenterede afvigelser")
        .contains("N1-2").contains("Ejerskabet ligger midlertidigt hos leverandøren")
        .doesNotContain("obligatorisk kriterium besvaret 'Nej'");
  }

  @Test
  void atN1ANejWithoutADeviationStaysRed() {
    Map<String, Object> answers = allJa("N1");
    answers.put("sa_N1_2_answer", "Nej");
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, "N1", answers);
    assertThat(result.gaps()).singleElement().satisfies(g ->
        assertThat(g.problem()).isEqualTo("obligatorisk kriterium besvaret 'Nej' uden dokumenteret afvigelse"));
    assertThat(result.indicativeLevel()).isNull();
  }

  @Test
  void atN2ADeviationStandsInWhereAllowedAndNotWhereItIsNot() {
    Map<String, Object> answers = allJa("N2");
    answers.put("sa_N2_3_answer", "Nej"); // N2-3 allows a deviation
    answers.put("sa_N2_3_deviation", "Dokumentationen følger i næste version");
    SelfAssessmentCheck.Result allowed = SelfAssessmentCheck.check(catalogue, "N2", answers);
    assertThat(allowed.passed()).isTrue();
    assertThat(allowed.indicativeLevel()).isEqualTo("N2");
    assertThat(allowed.deviations()).extracting(SelfAssessmentCheck.Finding::criterionId).containsExactly("N2-3");

    answers.put("sa_N2_1_answer", "Nej"); // N2-1 allows none
    answers.put("sa_N2_1_deviation", "forsøger alligevel");
    SelfAssessmentCheck.Result notAllowed = SelfAssessmentCheck.check(catalogue, "N2", answers);
    assertThat(notAllowed.gaps()).singleElement().satisfies(g -> {
      assertThat(g.criterionId()).isEqualTo("N2-1");
      assertThat(g.problem()).contains("kan ikke fraviges");
      assertThat(g.deviation()).isNull();
    });
    assertThat(notAllowed.indicativeLevel()).isEqualTo("N1");
    assertThat(notAllowed.summary()).doesNotContain("forsøger alligevel");
  }

  @Test
  void atN3DeviationsBelowCountYellowAndTheLevelIsReachedButN3sOwnCriteriaAllowNone() {
    Map<String, Object> answers = allJa("N3");
    answers.put("sa_N1_1_answer", "Nej");
    answers.put("sa_N1_1_deviation", "Behovet er dokumenteret af KL");
    answers.put("sa_N2_3_answer", "Ved ikke");
    answers.put("sa_N2_3_deviation", "Afklares med leverandøren");
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, "N3", answers);
    assertThat(result.passed()).isTrue();
    assertThat(result.indicativeLevel()).isEqualTo("N3");
    assertThat(result.deviations()).extracting(SelfAssessmentCheck.Finding::criterionId).containsExactly("N1-1", "N2-3");

    answers.put("sa_N3_1_answer", "Nej");
    answers.put("sa_N3_1_deviation", "kan ikke stå i stedet");
    SelfAssessmentCheck.Result n3 = SelfAssessmentCheck.check(catalogue, "N3", answers);
    assertThat(n3.gaps()).extracting(SelfAssessmentCheck.Finding::criterionId).containsExactly("N3-1");
    assertThat(n3.indicativeLevel()).isEqualTo("N2");
  }
}
