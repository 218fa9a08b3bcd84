package dk.os2.governance.deviation;

import java.time.LocalDate;

/**
 * One deviation of the register, as pages and the API show it.
 *
 * @param ownerId a Camunda user or group id
 * @param ownerName how the owner is named to users (a body's Danish name, or the user id)
 * @param state {@link State#OPEN}, {@link State#EXPIRED} (open, past its expiry date) or {@link State#CLOSED}
 */
public record Deviation(
    String id,
    String productId,
    String productName,
    String criterionId,
    String criterionTitle,
    String catalogueReference,
    String reason,
    String ownerId,
    boolean ownerIsGroup,
    String ownerName,
    LocalDate expiresOn,
    State state,
    LocalDate createdOn,
    String createdBy,
    LocalDate closedOn,
    String closedBy) {

  /** Where a deviation stands today. */
  public enum State {
    OPEN("Åben"),
    EXPIRED("Udløbet"),
    CLOSED("Lukket");

    private final String danishName;

    State(String danishName) {
      this.danishName = danishName;
    }

    public String danishName() {
      return danishName;
    }
  }

  public String stateName() {
    return state.danishName();
  }
}
