package dk.os2.governance.reporting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A report pack as PDF: the very template of the printable page, rendered by Thymeleaf and laid out
 * by openhtmltopdf (PDFBox). The template is well-formed XHTML, which openhtmltopdf reads as it is.
 */
@Component
class ReportPdf {

  private static final Locale DANISH = Locale.forLanguageTag("da");

  private final ITemplateEngine templates;

  ReportPdf(ITemplateEngine templates) {
    this.templates = templates;
  }

  byte[] render(ReportPacks.Report report) {
    String html = templates.process("report-pack", new Context(DANISH, Map.of("report", report, "pdf", true)));
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
}
