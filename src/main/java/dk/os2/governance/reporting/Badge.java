package dk.os2.governance.reporting;

import dk.os2.governance.portfolio.Portfolio;

/**
 * A product's level badge as SVG, in the flat style of shields.io badges: "OS2 niveau" on OS2's
 * dark blue, the level on a blue that deepens with the level. Plain attributes only, no script.
 */
final class Badge {

  static final String LABEL = "OS2 niveau";
  static final String OS2_DARK = "#1b365d";
  private static final String N1 = "#4a90c2";
  private static final String N2 = "#1f6fb2";
  private static final String N3 = "#0b4f8a";

  private Badge() {}

  static String svg(String level) {
    String value = level == null ? "–" : level;
    int left = textWidth(LABEL) + 12;
    int right = textWidth(value) + 12;
    int width = left + right;
    String colour = switch (value) {
      case "N1" -> N1;
      case "N2" -> N2;
      case "N3" -> N3;
      default -> "#6b7b8c";
    };
    String title = LABEL + " " + value;
    return """
        <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%2$s">\
        <title>%2$s</title>\
        <linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>\
        <stop offset="1" stop-opacity=".1"/></linearGradient>\
        <clipPath id="r"><rect width="%1$d" height="20" rx="3" fill="#fff"/></clipPath>\
        <g clip-path="url(#r)"><rect width="%3$d" height="20" fill="%5$s"/>\
        <rect x="%3$d" width="%4$d" height="20" fill="%6$s"/><rect width="%1$d" height="20" fill="url(#s)"/></g>\
        <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
        <text x="%7$d" y="14">%8$s</text><text x="%9$d" y="14">%10$s</text></g></svg>
        """.formatted(width, title, left, right, OS2_DARK, colour, left / 2, LABEL, left + right / 2, value);
  }

  /** Verdana at 11px: about seven pixels a character. */
  private static int textWidth(String text) {
    return (int) Math.ceil(text.length() * 7.0);
  }

  /** The name as it reads in an address ({@link Portfolio#slug}: "OS2 mødebooking" → {@code os2-moedebooking}). */
  static String slug(String name) {
    return Portfolio.slug(name);
  }
}
