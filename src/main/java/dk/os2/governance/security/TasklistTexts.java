package dk.os2.governance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Tasklist's texts (its locale file {@code locales/en.json} from the Camunda webapp) with the
 * texts around a refusal in Danish: the prefix of the message Tasklist shows when the server
 * refuses a start form or a task form ("The process could not be started.", "An error happened
 * while submitting the task form", ...), so that the notice reads Danish together with the
 * server's Danish message. Every key {@code tasklist.<KEY>} of {@code messages.properties}
 * replaces Tasklist's {@code <KEY>}; every other text stays as Camunda ships it.
 */
@Controller
class TasklistTexts {

  static final String PREFIX = "tasklist.";
  private static final String ORIGINAL = "META-INF/resources/webjars/camunda/app/tasklist/locales/en.json";

  private final byte[] texts;

  TasklistTexts(MessageSource messages, ObjectMapper json) {
    try (InputStream in = new ClassPathResource(ORIGINAL).getInputStream()) {
      ObjectNode texts = (ObjectNode) json.readTree(in);
      ObjectNode labels = (ObjectNode) texts.path("labels");
      for (Iterator<String> keys = labels.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        String danish = messages.getMessage(PREFIX + key, null, null, Refusals.DANISH);
        if (danish != null) {
          labels.put(key, danish);
        }
      }
      this.texts = json.writeValueAsBytes(texts);
    } catch (IOException e) {
      throw new UncheckedIOException("Tasklist's locale file " + ORIGINAL + " cannot be read", e);
    }
  }

  @GetMapping("/camunda/app/tasklist/locales/en.json")
  @ResponseBody
  ResponseEntity<byte[]> english() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
        .body(texts);
  }
}
