package dk.os2.governance.criteria;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The shipped criteria catalogue ({@code os2.catalogue}, YAML): the one the checks of all three
 * processes and the level rules use, and the default for evaluations; {@link ShippedCatalogue}
 * publishes it to the catalogue store at startup. A broken file stops the start.
 */
@Configuration
class CatalogueConfiguration {

  @Bean
  Catalogue catalogue(@Value("${os2.catalogue}") Resource file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return read(in);
    }
  }

  static Catalogue read(InputStream in) throws IOException {
    return CatalogueReader.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
  }
}
