package dk.os2.governance.statutes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The versioned documents the general assembly decides, each with the majority its change needs
 * (of the votes cast: for and against; abstentions count for neither).
 */
enum DocumentKind {
  /** The statutes: a change needs two thirds of the votes cast, as is usual for Danish associations. */
  STATUTES("vedtaegter", "Vedtægter", "mindst 2/3 af de afgivne stemmer for forslaget") {
    @Override
    boolean carries(int votesFor, int votesAgainst) {
      return votesFor > 0 && 3L * votesFor >= 2L * (votesFor + votesAgainst);
    }
  },
  /** The standard licence and participation terms: a simple majority of the votes cast. */
  LICENCE_TERMS("licensvilkaar", "Standardlicens- og tilslutningsvilkår", "flere stemmer for end imod forslaget") {
    @Override
    boolean carries(int votesFor, int votesAgainst) {
      return votesFor > votesAgainst;
    }
  };

  private final String slug;
  private final String danishName;
  private final String majority;

  DocumentKind(String slug, String danishName, String majority) {
    this.slug = slug;
    this.danishName = danishName;
    this.majority = majority;
  }

  /** Whether the votes cast carry a change of this document (quorum aside). */
  abstract boolean carries(int votesFor, int votesAgainst);

  public String slug() {
    return slug;
  }

  public String danishName() {
    return danishName;
  }

  /** The majority a change needs, in Danish: "mindst 2/3 af de afgivne stemmer for forslaget". */
  public String majority() {
    return majority;
  }

  static Optional<DocumentKind> bySlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }

  static Optional<DocumentKind> byName(Object name) {
    return Arrays.stream(values()).filter(k -> k.name().equals(String.valueOf(name))).findFirst();
  }
}
