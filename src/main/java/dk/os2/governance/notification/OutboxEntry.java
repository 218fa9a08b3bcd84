package dk.os2.governance.notification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One mail of the outbox: its row of {@code mail_outbox} with its facts ({@code mail_fact}) and
 * recipients ({@code mail_recipient}), each stored apart. For the outbox page and
 * {@code GET /api/outbox} they read as before: {@code recipients} joined with ", ", {@code detail}
 * one "label: value" line a fact.
 */
@JsonPropertyOrder({"id", "dedupeKey", "kind", "taskId", "processInstanceId", "productName", "detail", "status",
    "recipients", "subject", "bodyText", "bodyHtml", "attempts", "lastError", "jobId", "createdAt", "sentAt"})
public record OutboxEntry(
    String id,
    String dedupeKey,
    MailKind kind,
    String taskId,
    String processInstanceId,
    String productName,
    @JsonIgnore List<MailContent.Fact> facts,
    MailStatus status,
    @JsonIgnore List<String> addresses,
    String subject,
    String bodyText,
    String bodyHtml,
    int attempts,
    String lastError,
    String jobId,
    Instant createdAt,
    Instant sentAt) {

  /** The recipients as the outbox shows them; {@code null} before they are known. */
  @JsonProperty("recipients")
  public String recipients() {
    return addresses.isEmpty() ? null : String.join(", ", addresses);
  }

  /** The facts as the outbox shows them, one "label: value" a line; {@code null} when there are none. */
  @JsonProperty("detail")
  public String detail() {
    return facts.isEmpty() ? null
        : facts.stream().map(f -> f.label() + ": " + f.value()).collect(Collectors.joining("\n"));
  }
}
