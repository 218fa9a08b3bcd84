package dk.os2.governance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts, gaps and indicative level, against examples worked out by hand. */
class EvaluationResultTests {

  static final Catalogue OS2 = Fixtures.catalogue();

  static List<Assessment> lights(Catalogue catalogue, Map<String, Light> exceptions, List<String> leftOut) {
    List<Assessment> assessments = new ArrayList<>();
    for (Criterion c : catalogue.criteria()) {
      if (!leftOut.contains(c.id())) {
        assessments.add(new Assessment(c.id(), exceptions.getOrDefault(c.id(), Light.GREEN), null, null, null));
      }
    }
    return assessments;
  }

  @Test
  void theFixtureHoldsOs2sPublishedModel() {
    assertThat(OS2.criteria()).hasSize(43);
    assertThat(OS2.themes()).extracting(Catalogue.Theme::name)
        .containsExactly("Relevans", "Formkrav", "Strategisk sammenhæng", "Governance");
    assertThat(OS2.levels()).extracting(Catalogue.Level::id).containsExactly("sandkasse", "1", "2", "3");
    assertThat(OS2.criteria().stream().filter(c -> !c.mandatory())).hasSize(6);
  }

  @Test
  void allFortyThreeCriteriaCountedByLevelThemeAndCumulatively() {
    // R5 (level 2) red, F3 (sandbox, a recommendation) red, G4 (level 2) yellow, S7 (level 3) grey,
    // F12 (level 3) not assessed. Worked out by hand from the fixture's 7 + 10 + 14 + 12 criteria.
    EvaluationResult r = EvaluationResult.compute(OS2, lights(OS2,
        Map.of("R5", Light.RED, "F3", Light.RED, "G4", Light.YELLOW, "S7", Light.GREY), List.of("F12")));

    assertThat(r.byLevel()).containsExactly(
        Map.entry("sandkasse", new Tally(6, 0, 1, 0)),
        Map.entry("1", new Tally(10, 0, 0, 0)),
        Map.entry("2", new Tally(12, 1, 1, 0)),
        Map.entry("3", new Tally(10, 0, 0, 1)));
    assertThat(r.byLevelCumulative()).containsExactly(
        Map.entry("sandkasse", new Tally(6, 0, 1, 0)),
        Map.entry("1", new Tally(16, 0, 1, 0)),
        Map.entry("2", new Tally(28, 1, 2, 0)),
        Map.entry("3", new Tally(38, 1, 2, 1)));
    assertThat(r.byTheme()).containsExactly(
        Map.entry("relevans", new Tally(7, 0, 1, 0)),
        Map.entry("formkrav", new Tally(12, 0, 1, 0)),
        Map.entry("strategisk", new Tally(8, 0, 0, 1)),
        Map.entry("governance", new Tally(11, 1, 0, 0)));
    assertThat(r.byLevelAndTheme().get("2").get("governance")).isEqualTo(new Tally(4, 1, 0, 0));
    assertThat(r.unassessed()).containsExactly("F12");

    assertThat(r.gaps().get("sandkasse")).as("F3 is a recommendation").isEmpty();
    assertThat(r.gaps().get("1")).isEmpty();
    assertThat(r.gaps().get("2")).containsExactly("R5");
    assertThat(r.gaps().get("3")).containsExactly("R5", "F12", "S7");
    assertThat(r.indicativeLevel()).isEqualTo("1");
  }

  @Test
  void allGreenReachesTheTopAndRecommendationsNeverBlock() {
    EvaluationResult allGreen = EvaluationResult.compute(OS2, lights(OS2, Map.of(), List.of()));
    assertThat(allGreen.indicativeLevel()).isEqualTo("3");
    assertThat(allGreen.byLevelCumulative().get("3")).isEqualTo(new Tally(43, 0, 0, 0));

    EvaluationResult redRecommendations = EvaluationResult.compute(OS2, lights(OS2,
        Map.of("R8", Light.RED, "S8", Light.RED, "S9", Light.GREY, "G8", Light.RED), List.of("F14")));
    assertThat(redRecommendations.indicativeLevel()).isEqualTo("3");
  }

  @Test
  void aRedSandboxCriterionLeavesNoLevelAndYellowNeverBlocks() {
    EvaluationResult red = EvaluationResult.compute(OS2, lights(OS2, Map.of("R1", Light.RED), List.of()));
    assertThat(red.indicativeLevel()).isNull();
    assertThat(red.gaps().get("sandkasse")).containsExactly("R1");

    EvaluationResult yellow = EvaluationResult.compute(OS2, lights(OS2,
        Map.of("R1", Light.YELLOW, "G11", Light.YELLOW), List.of()));
    assertThat(yellow.indicativeLevel()).isEqualTo("3");
  }

  @Test
  void theShippedModelWorksTheSameWay() throws Exception {
    Catalogue levels;
    try (var in = getClass().getResourceAsStream("/catalogue/os2-levels.yaml")) {
      levels = dk.os2.governance.criteria.CatalogueReader.read(new String(in.readAllBytes()));
    }
    EvaluationResult r = EvaluationResult.compute(levels, lights(levels, Map.of("N2-2", Light.RED), List.of()));
    assertThat(r.indicativeLevel()).isEqualTo("N1");
    assertThat(r.byLevel().get("N2")).isEqualTo(new Tally(4, 0, 1, 0));
  }
}
