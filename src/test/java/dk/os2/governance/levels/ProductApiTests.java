package dk.os2.governance.levels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.portfolio.Portfolio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What other modules read of a product's groups and usage, now that each table has one owner: the
 * product's JSON with its group members, the steering group's right to import the product's
 * self-assessment, and where the product is used.
 */
class ProductApiTests extends IntegrationTests {

  @Autowired
  ProductGroups groups;

  @Autowired
  Portfolio portfolio;

  String product;

  @BeforeEach
  void setUp() {
    product = LevelFixtures.productAtN2WithGroups(engine.getIdentityService(), portfolio, groups);
  }

  @Test
  void theProductsJsonListsItsGroupMembersAsBefore() {
    JsonNode api = RestClient.as(baseUrl(), "kommune").get("/api/products/" + product).json();
    List<String> fields = new ArrayList<>();
    api.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "name", "level", "status", "levelSince", "proposingMunicipality",
        "contactName", "contactEmail", "licence", "repositoryUrl", "lastEvaluation", "nextEvaluation",
        "handoverAcceptedOn", "groups", "decisions");
    assertThat(api.path("id").asText()).isEqualTo(product);
    assertThat(api.path("status").asText()).isEqualTo("ACTIVE");
    List<String> members = new ArrayList<>();
    for (JsonNode m : api.path("groups")) {
      List<String> keys = new ArrayList<>();
      m.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("group", "userId", "role", "organisation");
      members.add(m.path("group").asText() + " " + m.path("userId").asText() + " " + m.path("role").asText() + " "
          + m.path("organisation").asText());
    }
    assertThat(members).containsExactly(
        "COORDINATION kommune MUNICIPALITY Aarhus Kommune",
        "COORDINATION leverandoer SUPPLIER Magenta",
        "STEERING bestyrelse BOARD_MEMBER OS2",
        "STEERING styreformand PARTICIPANT Aarhus Kommune");
    assertThat(api.path("decisions").isArray()).isTrue();
    assertThat(RestClient.as(baseUrl(), "kommune").get("/api/products/ukendt").status()).isEqualTo(404);
  }

  @Test
  void onlyTheSteeringGroupAndTheSecretariatImportTheSelfAssessment() {
    String path = "/api/products/" + product + "/self-assessments";
    // An empty body: whoever may import gets past the owner check to the Danish 400 on the file.
    RestClient chair = new RestClient(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD);
    RestClient supplier = new RestClient(baseUrl(), LevelFixtures.SUPPLIER, LevelFixtures.PASSWORD);
    assertThat(chair.post(path, Map.of()).status()).as("steering group").isEqualTo(400);
    assertThat(RestClient.as(baseUrl(), "sekretariat").post(path, Map.of()).status()).as("secretariat").isEqualTo(400);
    assertThat(supplier.post(path, Map.of()).status()).as("coordination group").isEqualTo(403);
    assertThat(RestClient.as(baseUrl(), "kommune").post(path, Map.of()).status()).as("outsider").isEqualTo(403);
  }

  @Test
  void usageIsAListOfMunicipalities() {
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    assertThat(secretariat.put("/api/products/" + product + "/usage",
        Map.of("municipalities", List.of("Aarhus", " Odense ", "Aarhus"), "singleCodeVersion", true)).status())
        .isEqualTo(204);
    assertThat(portfolio.product(product).orElseThrow().municipalities()).containsExactly("Aarhus", "Odense");
    assertThat(groups.structuralGaps(product, "N2", false)).isEmpty();

    assertThat(secretariat.put("/api/products/" + product + "/usage",
        Map.of("municipalities", List.of("Aarhus"), "singleCodeVersion", true)).status()).isEqualTo(204);
    assertThat(groups.structuralGaps(product, "N2", false))
        .containsExactly("Produktet er i brug i 1 kommune; niveau 2 kræver mindst to.");
  }
}
