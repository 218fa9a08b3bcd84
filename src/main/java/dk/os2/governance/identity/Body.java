package dk.os2.governance.identity;

/** OS2's governance bodies; each is a Camunda group with this id. */
public enum Body {
  GENERALFORSAMLING("generalforsamling", "Generalforsamlingen"),
  BESTYRELSE("bestyrelse", "Bestyrelsen"),
  FORRETNINGSUDVALG("forretningsudvalg", "Forretningsudvalget"),
  FORRETNINGSLEDELSE("forretningsledelse", "Forretningsledelsen (sekretariatet)"),
  KOORDINATIONSUDVALG("koordinationsudvalg", "Koordinationsudvalget");

  private final String groupId;
  private final String danishName;

  Body(String groupId, String danishName) {
    this.groupId = groupId;
    this.danishName = danishName;
  }

  public String groupId() {
    return groupId;
  }

  public String danishName() {
    return danishName;
  }

  /**
   * The Danish name of the body or product group behind a Camunda group id, as people read it
   * ("Forretningsudvalget", "Styregruppe"); the id itself when it is neither.
   */
  public static String danishNameOf(String groupId) {
    if (groupId == null) {
      return null;
    }
    for (Body body : values()) {
      if (body.groupId.equals(groupId)) {
        return body.danishName;
      }
    }
    for (GroupKind kind : GroupKind.values()) {
      if (groupId.length() == 18 && groupId.startsWith(kind.prefix())) {
        return kind.danishName();
      }
    }
    return groupId;
  }

  /** "Forretningsudvalgets opgaver": the body's own Tasklist filter. */
  public String filterName() {
    return danishName.split(" ")[0] + "s opgaver";
  }
}
