package dk.os2.governance.rules;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A proposed catalogue version succeeds the newest version published as rules (in force, or
 * approved with a later effective date): its number is higher, it was computed against that
 * version, and it comes into force no earlier. Otherwise an approval would publish an older
 * version after a newer one and silently undo what the board approved in between (the version in
 * force is the one with the latest effective date, then the latest publication). Checked when the
 * secretariat proposes or revises, when the board's decision is submitted (whatever route), and
 * again in the engine where the version is published.
 */
@Component
class Succession {

  private static final Locale DANISH = Locale.forLanguageTag("da");

  private final CatalogueStore catalogues;
  private final MessageSource messages;

  Succession(CatalogueStore catalogues, MessageSource messages) {
    this.catalogues = catalogues;
    this.messages = messages;
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage("rules.succession." + key, arguments, DANISH);
  }

  /** The version a change is computed against: the newest published as rules, if any. */
  Optional<Catalogue> base(String catalogueId) {
    return catalogues.latest(catalogueId);
  }

  /** Why the version cannot be proposed: a number no higher than the newest published one. */
  Optional<String> numberProblem(String catalogueId, String version) {
    return base(catalogueId).filter(newest -> compare(version, newest.version()) <= 0)
        .map(newest -> text("notNewer", version, catalogueId, newest.version()));
  }

  /**
   * Why the board cannot approve the change now, in Danish; empty when it may. {@code baseVersion} is
   * the version the change was computed against (blank when the catalogue had none), {@code effective}
   * the effective date the board gives (null when not given: its own rule asks for it).
   */
  List<String> approvalProblems(String catalogueId, String version, String baseVersion, LocalDate effective) {
    List<String> problems = new ArrayList<>();
    Optional<Catalogue> newest = base(catalogueId);
    if (newest.isEmpty()) {
      return problems;
    }
    String current = newest.get().version();
    if (!current.equals(baseVersion == null ? "" : baseVersion)) {
      problems.add(text("overtaken", current, baseVersion == null || baseVersion.isBlank() ? "–" : baseVersion));
    } else if (compare(version, current) <= 0) {
      problems.add(numberProblem(catalogueId, version).orElseThrow());
    }
    LocalDate baseEffective = catalogues.published(catalogueId, current)
        .map(CatalogueStore.Published::effectiveDate).orElse(null);
    if (effective != null && baseEffective != null && effective.isBefore(baseEffective)) {
      problems.add(text("effectiveTooEarly", MeetingDate.danish(baseEffective), current));
    }
    return problems;
  }

  /** Compares version numbers part by part as numbers ("1.10" after "1.9"; "1.0" equals "1"). */
  static int compare(String a, String b) {
    String[] x = a.trim().split("[.\\-]");
    String[] y = b.trim().split("[.\\-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int order = p.matches("\\d{1,9}") && q.matches("\\d{1,9}")
          ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
