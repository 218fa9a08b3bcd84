package dk.os2.governance.criteria;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which version of the criteria catalogue applies: the one in force (published and effective; the
 * shipped one until another is) for new work, and for a running process the version it began
 * with, kept in its process variable {@value #VARIABLE}. A process without the variable (an
 * evaluation cycle, whose every round follows the version in force, or a process started before the
 * variable existed) follows the version in force.
 */
@Component
public class CatalogueVersions {

  /** The process variable holding the catalogue version a process began with. */
  public static final String VARIABLE = "catalogueVersion";

  private final Catalogue shipped;
  private final CatalogueStore store;

  CatalogueVersions(Catalogue shipped, CatalogueStore store) {
    this.shipped = shipped;
    this.store = store;
  }

  /** The id of the catalogue the forms and checks follow (the shipped catalogue's). */
  public String catalogueId() {
    return shipped.id();
  }

  /**
   * The version in force today ({@link CatalogueStore#inForce(String)}: published, and its effective
   * date reached), or the shipped one before any is stored.
   */
  public Catalogue inForce() {
    return store.inForce(shipped.id()).orElse(shipped);
  }

  /** A version of the catalogue; empty when it was never published. */
  public Optional<Catalogue> version(String version) {
    if (version == null || version.isBlank()) {
      return Optional.empty();
    }
    return shipped.version().equals(version) ? Optional.of(shipped) : store.find(shipped.id(), version);
  }

  /** The version a process uses, from its variables: the one it began with, else the one in force. */
  public Catalogue forProcess(Map<String, ?> variables) {
    Object version = variables == null ? null : variables.get(VARIABLE);
    return version == null ? inForce() : version(version.toString()).orElseGet(this::inForce);
  }
}
