package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the application computes from an evaluation's lights, never a person:
 *
 * <ul>
 *   <li>counts of each light per level (that level alone, and cumulative: it and all below) and
 *       per theme (all levels, and per level alone);
 *   <li>the gaps blocking each level: its mandatory criteria and those of the levels below that
 *       are red, grey or not assessed at all;
 *   <li>the indicative level: the highest level at which no mandatory criterion at or below it
 *       is red, grey or unassessed. Recommendations ("anbefalinger") never block.
 * </ul>
 */
record EvaluationResult(
    Map<String, Tally> byLevel,
    Map<String, Tally> byLevelCumulative,
    Map<String, Tally> byTheme,
    Map<String, Map<String, Tally>> byLevelAndTheme,
    Map<String, List<String>> gaps,
    String indicativeLevel,
    List<String> unassessed) {

  public static EvaluationResult compute(Catalogue catalogue, List<Assessment> assessments) {
    Map<String, Light> lights = new LinkedHashMap<>();
    assessments.forEach(a -> lights.put(a.criterionId(), a.light()));

    Map<String, Tally> byLevel = new LinkedHashMap<>();
    Map<String, Map<String, Tally>> byLevelAndTheme = new LinkedHashMap<>();
    Map<String, Tally> byTheme = new LinkedHashMap<>();
    catalogue.levels().forEach(l -> {
      byLevel.put(l.id(), Tally.ZERO);
      Map<String, Tally> themes = new LinkedHashMap<>();
      catalogue.themes().forEach(t -> themes.put(t.id(), Tally.ZERO));
      byLevelAndTheme.put(l.id(), themes);
    });
    catalogue.themes().forEach(t -> byTheme.put(t.id(), Tally.ZERO));
    List<String> unassessed = new ArrayList<>();
    for (Criterion c : catalogue.criteria()) {
      Light light = lights.get(c.id());
      if (light == null) {
        unassessed.add(c.id());
        continue;
      }
      byLevel.merge(c.level(), Tally.ZERO.plus(light), Tally::plus);
      byTheme.merge(c.theme(), Tally.ZERO.plus(light), Tally::plus);
      byLevelAndTheme.get(c.level()).merge(c.theme(), Tally.ZERO.plus(light), Tally::plus);
    }

    Map<String, Tally> cumulative = new LinkedHashMap<>();
    Tally running = Tally.ZERO;
    for (Catalogue.Level level : catalogue.levels()) {
      running = running.plus(byLevel.get(level.id()));
      cumulative.put(level.id(), running);
    }

    Map<String, List<String>> gaps = new LinkedHashMap<>();
    String indicative = null;
    boolean blocked = false;
    for (Catalogue.Level level : catalogue.levels()) {
      List<String> blocking = catalogue.criteriaUpTo(level.id()).stream()
          .filter(Criterion::mandatory)
          .filter(c -> blocks(lights.get(c.id())))
          .map(Criterion::id)
          .toList();
      gaps.put(level.id(), blocking);
      if (!blocked && blocking.isEmpty()) {
        indicative = level.id();
      } else {
        blocked = true;
      }
    }
    return new EvaluationResult(byLevel, cumulative, byTheme, byLevelAndTheme, gaps, indicative, unassessed);
  }

  private static boolean blocks(Light light) {
    return light == null || light == Light.RED || light == Light.GREY;
  }
}
