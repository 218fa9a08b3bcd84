package dk.os2.governance.criteria;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A versioned criteria catalogue: levels in order, themes, and the criteria. */
public record Catalogue(
    String id,
    String version,
    String title,
    List<Level> levels,
    List<Theme> themes,
    List<Criterion> criteria) {

  public record Level(String id, String name) {}

  public record Theme(String id, String name) {}

  public Catalogue {
    levels = List.copyOf(levels);
    themes = List.copyOf(themes);
    criteria = List.copyOf(criteria);
    List<String> problems = new ArrayList<>();
    Set<String> levelIds = new HashSet<>();
    levels.forEach(l -> levelIds.add(l.id()));
    Set<String> themeIds = new HashSet<>();
    themes.forEach(t -> themeIds.add(t.id()));
    Set<String> seen = new HashSet<>();
    for (Criterion c : criteria) {
      if (!seen.add(c.id())) {
        problems.add("criterion " + c.id() + " appears twice");
      }
      if (!levelIds.contains(c.level())) {
        problems.add("criterion " + c.id() + " names unknown level " + c.level());
      }
      if (!themeIds.contains(c.theme())) {
        problems.add("criterion " + c.id() + " names unknown theme " + c.theme());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Catalogue " + id + " is invalid: " + String.join("; ", problems));
    }
  }

  /** Position of a level, 0 for the lowest; -1 when the catalogue has no such level. */
  public int rank(String levelId) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).id().equals(levelId)) {
        return i;
      }
    }
    return -1;
  }

  public boolean hasLevel(String levelId) {
    return rank(levelId) >= 0;
  }

  /** The criteria that apply at a level: its own and those of every level below. */
  public List<Criterion> criteriaUpTo(String levelId) {
    int max = rank(levelId);
    if (max < 0) {
      throw new IllegalArgumentException("Unknown level " + levelId);
    }
    return criteria.stream().filter(c -> rank(c.level()) <= max).toList();
  }

  public Optional<Criterion> criterion(String criterionId) {
    return criteria.stream().filter(c -> c.id().equals(criterionId)).findFirst();
  }

  public String levelName(String levelId) {
    return levels.stream().filter(l -> l.id().equals(levelId)).map(Level::name).findFirst().orElse(levelId);
  }

  /** "os2-levels 1.0": how evaluations record which catalogue they were made against. */
  public String reference() {
    return id + " " + version;
  }
}
