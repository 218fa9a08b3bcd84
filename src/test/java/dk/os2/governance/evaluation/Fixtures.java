package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test fixtures: OS2's 43-criterion model (0.9.2) and a report made against it. */
final class Fixtures {

  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String catalogueYaml() {
    return text("os2-evalueringsrapport-0.9.2.yaml");
  }

  static Catalogue catalogue() {
    return CatalogueReader.read(catalogueYaml());
  }

  /** The report: all green but R5 red, F3 red (a recommendation), G4 yellow, S7 grey, F12 left out. */
  static String report(String product, String version) {
    return text("evalueringsrapport.md").replace("{{PRODUCT}}", product).replace("{{VERSION}}", version);
  }
}
