package dk.os2.governance.notification;

import java.util.List;

/** What a mail says, before it is rendered into text and HTML. */
record MailContent(
    List<String> recipients,
    String subject,
    String heading,
    String intro,
    List<Fact> facts,
    String link,
    String linkText) {

  public record Fact(String label, String value) {}
}
