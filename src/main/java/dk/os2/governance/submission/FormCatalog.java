package dk.os2.governance.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Every Camunda Form the application deploys, by form id: the same files the engine deploys. */
@Component
public class FormCatalog {

  private final Map<String, FormSchema> forms = new HashMap<>();

  FormCatalog(ObjectMapper json) throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        FormSchema form = FormSchema.parse(json.readTree(in));
        forms.put(form.id(), form);
      }
    }
  }

  public Optional<FormSchema> form(String id) {
    return Optional.ofNullable(forms.get(id));
  }
}
