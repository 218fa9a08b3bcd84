package dk.os2.governance.meeting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dk.os2.governance.identity.Body;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The minutes document of a meeting: attendance, quorum, every item with its decision, votes,
 * justification and notes. One template for the printable page and the PDF (openhtmltopdf).
 */
@Component
class MinutesDocument {

  private static final Locale DANISH = Locale.forLanguageTag("da");

  /** One item as the minutes tell it. */
  record Line(int number, MeetingStore.Item item, List<MeetingStore.Answer> answers) {}

  private final MeetingStore store;
  private final RecordMinutes recording;
  private final ITemplateEngine templates;

  MinutesDocument(MeetingStore store, RecordMinutes recording, ITemplateEngine templates) {
    this.store = store;
    this.recording = recording;
    this.templates = templates;
  }

  Map<String, Object> model(MeetingStore.Meeting meeting) {
    List<Line> lines = new ArrayList<>();
    for (RecordMinutes.Numbered n : recording.numbered(meeting.id())) {
      lines.add(new Line(n.number(), n.item(), store.answers(n.item().id())));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("meeting", meeting);
    model.put("title", "Referat: " + Meetings.title(meeting));
    model.put("bodyName", Body.danishNameOf(meeting.body()));
    model.put("lines", lines);
    model.put("attendance", store.attendance(meeting.id()));
    return model;
  }

  byte[] pdf(MeetingStore.Meeting meeting) {
    Map<String, Object> model = new LinkedHashMap<>(model(meeting));
    model.put("pdf", true);
    String html = templates.process("meeting-document", new Context(DANISH, model));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The message key of what became of an item (messages.properties, {@code meeting.status.*}); a
   * decided item is shown by its outcome's Danish wording where it has one.
   */
  static String statusKey(MeetingStore.Item item) {
    if ("OPEN".equals(item.status()) || "NOTED".equals(item.status())) {
      return "meeting.status." + ("DECISION".equals(item.kind()) ? item.status() : "NOTED");
    }
    return "meeting.status." + item.status();
  }
}
