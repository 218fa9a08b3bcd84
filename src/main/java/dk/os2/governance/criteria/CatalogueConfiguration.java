package dk.os2.governance.criteria;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Loads the shipped criteria catalogue (YAML) at startup; a broken file stops the start. */
@Configuration
class CatalogueConfiguration {

  @Bean
  Catalogue catalogue(@Value("${os2.catalogue}") Resource file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return read(in);
    }
  }

  static Catalogue read(InputStream in) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    return yaml.readValue(in, Catalogue.class);
  }
}
