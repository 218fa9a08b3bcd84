package dk.os2.governance.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.RestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's first command on a fresh machine: the demo profile with its sample data on an empty
 * embedded H2 database (as {@code ./mvnw spring-boot:run} starts it), in a JVM of its own. It must
 * start and offer the demo portfolio: the shipped catalogue is published before the demo's
 * proposal is checked against it.
 */
class FirstRunTests {

  @Test
  void theDemoStartsOnAnEmptyH2DatabaseWithItsSampleData() throws IOException {
    Path dir = Files.createTempDirectory("os2-first-run");
    try (Node node = Node.demo("first-run-h2", "jdbc:h2:file:" + dir.resolve("os2-governance").toAbsolutePath())
        .with("spring.datasource.driver-class-name=org.h2.Driver")
        .with("spring.datasource.username=sa")
        .with("spring.datasource.password=")
        .with("os2.demo.sample-data=true")
        .start()) {
      RestClient.Response products = node.as("sekretariat").get("/api/products?size=50");
      assertThat(products.status()).as(products.body()).isEqualTo(200);
      assertThat(names(products.json().path("items"))).as("the demo product is in the portfolio")
          .contains("OS2demoportal");

      RestClient.Response screening = node.as("sekretariat")
          .get("/engine-rest/task?candidateGroup=forretningsledelse&taskDefinitionKey=UserTask_ScreenProposal");
      assertThat(screening.status()).as(screening.body()).isEqualTo(200);
      assertThat(screening.json().size()).as("the demo proposal waits for the secretariat's screening").isEqualTo(1);
    }
  }

  private static List<String> names(JsonNode items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.path("name").asText()));
    return names;
  }
}
