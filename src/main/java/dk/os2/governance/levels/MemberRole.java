package dk.os2.governance.levels;

/** What a member of a product's group represents. */
public enum MemberRole {
  MUNICIPALITY("Kommune"),
  SUPPLIER("Leverandør"),
  BOARD_MEMBER("Bestyrelsesmedlem"),
  BOARD_APPOINTEE("Udpeget af bestyrelsen"),
  PARTICIPANT("Deltager");

  private final String danishName;

  MemberRole(String danishName) {
    this.danishName = danishName;
  }

  public String danishName() {
    return danishName;
  }
}
