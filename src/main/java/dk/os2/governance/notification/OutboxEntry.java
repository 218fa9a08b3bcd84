package dk.os2.governance.notification;

import java.time.Instant;

/** One row of the mail outbox. */
public record OutboxEntry(
    String id,
    String dedupeKey,
    MailKind kind,
    String taskId,
    String processInstanceId,
    String productName,
    String detail,
    MailStatus status,
    String recipients,
    String subject,
    String bodyText,
    String bodyHtml,
    int attempts,
    String lastError,
    String jobId,
    Instant createdAt,
    Instant sentAt) {}
