package dk.os2.governance.levels;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The structural rules of N2 and N3 at their boundaries. */
class StructuralChecksTests extends IntegrationTests {

  @Autowired
  ProductGroups groups;

  @Autowired
  Portfolio portfolio;

  String product;

  @BeforeEach
  void setUp() {
    LevelFixtures.people(engine.getIdentityService());
    product = LevelFixtures.product(portfolio, "N1");
  }

  @Test
  void aProductWithItsGroupsAndTwoMunicipalitiesMeetsN2() {
    LevelFixtures.groupsForN2(groups, product);
    assertThat(groups.structuralGaps(product, "N2", false)).isEmpty();
    assertThat(groups.structuralGaps(product, "N1", false)).as("N1 has no structural rules").isEmpty();
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(GroupKind.STEERING.groupId(product))
        .count()).as("the steering group is a Camunda group").isEqualTo(2);
  }

  @Test
  void noMunicipalityInTheCoordinationGroup() {
    LevelFixtures.groupsForN2(groups, product);
    groups.remove(product, GroupKind.COORDINATION, "kommune");
    assertThat(groups.structuralGaps(product, "N2", false)).containsExactly("Koordinationsgruppen har ingen kommune.");
  }

  @Test
  void noSupplierInTheCoordinationGroup() {
    LevelFixtures.groupsForN2(groups, product);
    groups.remove(product, GroupKind.COORDINATION, LevelFixtures.SUPPLIER);
    assertThat(groups.structuralGaps(product, "N2", false)).containsExactly(
        "Koordinationsgruppen har ingen leverandør. Forslaget nævner Magenta: tilføj leverandøren som medlem "
            + "(som organisation, eller dens kontaktperson med login).");
  }

  @Test
  void theSecretariatAddsASupplierWithoutALoginByNameAndItCounts() {
    LevelFixtures.groupsForN2(groups, product);
    groups.remove(product, GroupKind.COORDINATION, LevelFixtures.SUPPLIER);
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");

    RestClient.Response added = secretariat.post("/api/products/" + product + "/groups/COORDINATION/members",
        Map.of("role", "SUPPLIER", "organisation", "  Netcompany   A/S "));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(groups.structuralGaps(product, "N2", false)).as("an organisation counts as the supplier").isEmpty();
    assertThat(groups.members(product, GroupKind.COORDINATION)).filteredOn(ProductGroups.Member::organisationOnly)
        .singleElement().satisfies(m -> {
          assertThat(m.organisation()).isEqualTo("Netcompany A/S");
          assertThat(m.role()).isEqualTo(MemberRole.SUPPLIER);
        });
    RestClient.Response listed = secretariat.get("/api/products/" + product + "/groups");
    assertThat(listed.body()).contains("\"organisation\":\"Netcompany A/S\"").contains("\"userId\":null");
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(GroupKind.COORDINATION.groupId(product))
        .list()).as("no login, so no Camunda member: no task or mail can go to it")
        .extracting(u -> u.getId()).containsExactly("kommune");

    // The same organisation typed again is one member; the steering group and a person's role are refused.
    assertThat(secretariat.post("/api/products/" + product + "/groups/COORDINATION/members",
        Map.of("role", "SUPPLIER", "organisation", "netcompany a/s")).status()).isEqualTo(201);
    assertThat(groups.members(product, GroupKind.COORDINATION)).filteredOn(ProductGroups.Member::organisationOnly).hasSize(1);
    RestClient.Response steering = secretariat.post("/api/products/" + product + "/groups/STEERING/members",
        Map.of("role", "SUPPLIER", "organisation", "Magenta"));
    assertThat(steering.status()).isEqualTo(400);
    assertThat(steering.body()).contains("Kun koordinationsgruppen kan have en organisation uden login");
    RestClient.Response person = secretariat.post("/api/products/" + product + "/groups/COORDINATION/members",
        Map.of("role", "BOARD_MEMBER", "organisation", "Magenta"));
    assertThat(person.status()).isEqualTo(400);
    assertThat(person.body()).contains("angiv et bruger-id for en person");
    RestClient.Response nothing = secretariat.post("/api/products/" + product + "/groups/COORDINATION/members",
        Map.of("role", "SUPPLIER"));
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(nothing.body()).contains("Angiv et bruger-id eller navnet på en organisation.");
    assertThat(RestClient.as(baseUrl(), "bestyrelse").post("/api/products/" + product + "/groups/COORDINATION/members",
        Map.of("role", "SUPPLIER", "organisation", "Magenta")).status()).isEqualTo(403);

    assertThat(secretariat.delete("/api/products/" + product + "/groups/COORDINATION/members?organisation=NETCOMPANY%20A/S")
        .status()).isEqualTo(204);
    assertThat(groups.structuralGaps(product, "N2", false)).singleElement().asString().contains("ingen leverandør");
  }

  @Test
  void oneMunicipalityInUseIsNotEnoughTwoAre() {
    LevelFixtures.groupsForN2(groups, product);
    portfolio.usage(product, "Aarhus", true);
    assertThat(groups.structuralGaps(product, "N2", false))
        .containsExactly("Produktet er i brug i 1 kommune; niveau 2 kræver mindst to.");
    portfolio.usage(product, "", true);
    assertThat(groups.structuralGaps(product, "N2", false))
        .containsExactly("Produktet er i brug i 0 kommuner; niveau 2 kræver mindst to.");
    portfolio.usage(product, "Aarhus\nOdense\nAarhus", true);
    assertThat(groups.structuralGaps(product, "N2", false)).isEmpty();
  }

  @Test
  void noBoardMemberOrAppointeeInTheSteeringGroup() {
    LevelFixtures.groupsForN2(groups, product);
    groups.remove(product, GroupKind.STEERING, "bestyrelse");
    assertThat(groups.structuralGaps(product, "N2", false))
        .containsExactly("Styregruppen har ingen deltager fra OS2's bestyrelse eller udpeget af den.");
    groups.add(product, GroupKind.STEERING, LevelFixtures.CHAIR, MemberRole.BOARD_APPOINTEE, "Aarhus Kommune");
    assertThat(groups.structuralGaps(product, "N2", false)).as("a board appointee counts").isEmpty();
  }

  @Test
  void theProductPageShowsTheGroupsAndWhatTheProductLacks() {
    LevelFixtures.groupsForN2(groups, product);
    groups.remove(product, GroupKind.COORDINATION, LevelFixtures.SUPPLIER);
    RestClient.Response page = RestClient.as(baseUrl(), "sekretariat").get("/app/produkter/" + product);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Styregruppe").contains("Bestyrelsesmedlem").contains(LevelFixtures.CHAIR)
        .contains("Mangler for N2").contains("Koordinationsgruppen har ingen leverandør.").contains("Tilføj medlem")
        .contains("Videre til bekræftelse");
    RestClient.Response asMember = RestClient.as(baseUrl(), "kommune").get("/app/produkter/" + product);
    assertThat(asMember.body()).as("only the secretariat maintains groups").doesNotContain("Tilføj medlem");

    RestClient.Response api = RestClient.as(baseUrl(), "sekretariat").post(
        "/api/products/" + product + "/groups/COORDINATION/members",
        Map.of("userId", LevelFixtures.SUPPLIER, "role", "SUPPLIER", "organisation", "Magenta"));
    assertThat(api.status()).as(api.body()).isEqualTo(201);
    assertThat(groups.structuralGaps(product, "N2", false)).isEmpty();
    assertThat(RestClient.as(baseUrl(), "bestyrelse").post("/api/products/" + product + "/groups/STEERING/members",
        Map.of("userId", "kommune", "role", "MUNICIPALITY")).status()).isEqualTo(403);
  }

  @Test
  void oneCodeVersionMustBeDeclared() {
    LevelFixtures.groupsForN2(groups, product);
    portfolio.usage(product, "Aarhus\nOdense", false);
    assertThat(groups.structuralGaps(product, "N2", false)).containsExactly("Der er ikke erklæret én version af koden.");
  }

  @Test
  void n3WantsTheWholeBoardABoardMemberInCoordinationAndTheHandover() {
    LevelFixtures.groupsForN2(groups, product);
    assertThat(groups.structuralGaps(product, "N3", false)).containsExactly(
        "Intet medlem af OS2's bestyrelse deltager i koordinationsgruppen.",
        "Overdragelsen til drift er ikke godkendt af Koordinationsudvalget.");
    assertThat(groups.structuralGaps(product, "N3", true)).as("handover reviewed later in the level change")
        .containsExactly("Intet medlem af OS2's bestyrelse deltager i koordinationsgruppen.");

    groups.add(product, GroupKind.COORDINATION, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");
    portfolio.handoverAccepted(product, LocalDate.now());
    assertThat(groups.structuralGaps(product, "N3", false)).isEmpty();

    groups.remove(product, GroupKind.STEERING, "bestyrelse");
    assertThat(groups.structuralGaps(product, "N3", false)).contains("Styregruppen omfatter ikke hele OS2's bestyrelse.");
  }
}
