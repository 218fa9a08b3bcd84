package dk.os2.governance.criteria;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a proposed catalogue version changes against the version in force: criteria added, removed
 * and changed (title, level, theme, mandatory, deviation allowed; guidance and owner too), and which
 * bodies own what changed: the Business Committee the product criteria, the Coordination Committee
 * the operations criteria (a criterion's {@code owner}).
 */
public record CatalogueDiff(
    String catalogueId,
    String fromVersion,
    String toVersion,
    List<Criterion> added,
    List<Criterion> removed,
    List<Changed> changed) {

  /** One field of a criterion that changed, with both values in Danish words. */
  public record Change(String field, String label, String before, String after) {}

  /** A criterion present in both versions with at least one field changed. */
  public record Changed(String criterionId, String title, String ownerBefore, String ownerAfter, List<Change> changes) {

    /** The change of one field, if that field changed. */
    public boolean changes(String field) {
      return changes.stream().anyMatch(c -> c.field().equals(field));
    }
  }

  public static final String PRODUCT_OWNER = "forretningsudvalg";
  public static final String OPERATIONS_OWNER = "koordinationsudvalg";

  public CatalogueDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** The diff of {@code proposed} against {@code inForce} ({@code null}: every criterion is new). */
  public static CatalogueDiff between(Catalogue inForce, Catalogue proposed) {
    Map<String, Criterion> before = inForce == null ? Map.of()
        : inForce.criteria().stream().collect(Collectors.toMap(Criterion::id, Function.identity()));
    Set<String> proposedIds = proposed.criteria().stream().map(Criterion::id).collect(Collectors.toSet());
    List<Criterion> added = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    for (Criterion after : proposed.criteria()) {
      Criterion old = before.get(after.id());
      if (old == null) {
        added.add(after);
        continue;
      }
      List<Change> changes = new ArrayList<>();
      field(changes, "title", "Titel", old.title(), after.title());
      field(changes, "level", "Niveau", levelName(inForce, old.level()), levelName(proposed, after.level()));
      field(changes, "theme", "Tema", themeName(inForce, old.theme()), themeName(proposed, after.theme()));
      field(changes, "mandatory", "Obligatorisk", yesNo(old.mandatory(), "obligatorisk", "anbefaling"),
          yesNo(after.mandatory(), "obligatorisk", "anbefaling"));
      field(changes, "deviationAllowed", "Afvigelse tilladt", yesNo(old.deviationAllowed(), "ja", "nej"),
          yesNo(after.deviationAllowed(), "ja", "nej"));
      field(changes, "guidance", "Vejledning", old.guidance(), after.guidance());
      field(changes, "owner", "Ejer", old.owner(), after.owner());
      if (!changes.isEmpty()) {
        changed.add(new Changed(after.id(), after.title(), old.owner(), after.owner(), changes));
      }
    }
    List<Criterion> removed = inForce == null ? List.of()
        : inForce.criteria().stream().filter(c -> !proposedIds.contains(c.id())).toList();
    return new CatalogueDiff(proposed.id(), inForce == null ? null : inForce.version(), proposed.version(),
        added, removed, changed);
  }

  private static void field(List<Change> changes, String field, String label, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(new Change(field, label, before, after));
    }
  }

  private static String yesNo(boolean value, String yes, String no) {
    return value ? yes : no;
  }

  private static String levelName(Catalogue catalogue, String id) {
    return catalogue == null ? id : catalogue.levelName(id);
  }

  private static String themeName(Catalogue catalogue, String id) {
    return catalogue == null ? id : catalogue.themes().stream().filter(t -> t.id().equals(id))
        .map(Catalogue.Theme::name).findFirst().orElse(id);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** The owners of every criterion the change touches (before and after). */
  public Set<String> owners() {
    Set<String> owners = new LinkedHashSet<>();
    added.forEach(c -> owners.add(c.owner()));
    removed.forEach(c -> owners.add(c.owner()));
    changed.forEach(c -> {
      owners.add(c.ownerBefore());
      owners.add(c.ownerAfter());
    });
    owners.remove(null);
    return owners;
  }

  /** Product criteria change: the Business Committee recommends. */
  public boolean touchesProductCriteria() {
    return owners().contains(PRODUCT_OWNER) || owners().stream().noneMatch(OPERATIONS_OWNER::equals);
  }

  /** Operations criteria change: the Coordination Committee recommends. */
  public boolean touchesOperationsCriteria() {
    return owners().contains(OPERATIONS_OWNER);
  }

  /** A short Danish summary for the forms (Markdown). */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append("Version ").append(toVersion).append(" af ").append(catalogueId)
        .append(fromVersion == null ? " (intet katalog er i kraft)" : " mod versionen i kraft, " + fromVersion)
        .append(": ").append(added.size()).append(" tilføjet, ").append(removed.size()).append(" fjernet, ")
        .append(changed.size()).append(" ændret.");
    for (Criterion c : added) {
      text.append("\n- Tilføjet ").append(c.id()).append(" (").append(c.title()).append("), ").append(c.level())
          .append(c.mandatory() ? ", obligatorisk" : ", anbefaling");
    }
    for (Criterion c : removed) {
      text.append("\n- Fjernet ").append(c.id()).append(" (").append(c.title()).append(')');
    }
    for (Changed c : changed) {
      text.append("\n- Ændret ").append(c.criterionId()).append(": ").append(c.changes().stream()
          .map(ch -> ch.label().toLowerCase() + " " + shorten(ch.before()) + " → " + shorten(ch.after()))
          .collect(Collectors.joining("; ")));
    }
    return text.toString();
  }

  private static String shorten(String text) {
    if (text == null) {
      return "–";
    }
    return text.length() > 60 ? "'" + text.substring(0, 57) + "…'" : "'" + text + "'";
  }
}
