package dk.os2.governance.identity;

/** The two groups a product gets as it climbs. */
public enum GroupKind {
  STEERING("sg", "Styregruppe"),
  COORDINATION("kg", "Koordinationsgruppe");

  private final String prefix;
  private final String danishName;

  GroupKind(String prefix, String danishName) {
    this.prefix = prefix;
    this.danishName = danishName;
  }

  /** The Camunda group id: letters and digits only, as Camunda's id rules demand. */
  public String groupId(String productId) {
    return prefix + productId.replace("-", "").substring(0, 16);
  }

  String prefix() {
    return prefix;
  }

  public String danishName() {
    return danishName;
  }
}
