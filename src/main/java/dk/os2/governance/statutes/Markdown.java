package dk.os2.governance.statutes;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A statutes text, written in Markdown, as HTML for the pages (commonmark-java). Safe to insert
 * unescaped: HTML written in the text is shown as text, never interpreted ({@code escapeHtml}), and
 * a link whose address is neither http(s), mailto nor a path (a {@code javascript:} or {@code data:}
 * link) leads nowhere ({@code sanitizeUrls}), so a text cannot carry a script.
 */
final class Markdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).build();

  private Markdown() {}

  static String html(String markdown) {
    return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
  }
}
