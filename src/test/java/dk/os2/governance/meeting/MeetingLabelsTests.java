package dk.os2.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every state an agenda item can reach (the table's check constraint) reads Danish on the pages. */
class MeetingLabelsTests {

  @Test
  void everyItemStatusHasADanishLabel() throws Exception {
    Properties messages = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    String migration = Files.readString(Path.of("src/main/resources/db/migration/V17__meetings.sql"));
    Matcher check = Pattern.compile("status\\s+varchar\\(20\\)\\s+not null check \\(status in\\s*\\(([^)]*)\\)\\)")
        .matcher(migration);
    assertThat(check.find()).isTrue();
    Matcher value = Pattern.compile("'([A-Z_]+)'").matcher(check.group(1));
    int statuses = 0;
    while (value.find()) {
      statuses++;
      assertThat(messages.getProperty("meeting.status." + value.group(1))).as(value.group(1)).isNotBlank();
    }
    assertThat(statuses).isEqualTo(6);
    assertThat(messages.getProperty(MinutesDocument.statusKey(new MeetingStore.Item("i", "m", 1, "STANDING", null,
        null, null, null, "t", null, null, "OPEN", null, null, null, null, null, null, null)))).isEqualTo("Til orientering");
  }
}
