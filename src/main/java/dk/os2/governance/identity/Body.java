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

  /** "Forretningsudvalgets opgaver": the body's own Tasklist filter. */
  public String filterName() {
    return danishName.split(" ")[0] + "s opgaver";
  }
}
