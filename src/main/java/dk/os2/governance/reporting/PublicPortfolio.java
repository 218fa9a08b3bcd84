package dk.os2.governance.reporting;

import dk.os2.governance.portfolio.PortfolioList;
import dk.os2.governance.portfolio.ProductStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.time.LocalDate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public, read-only portfolio and the level badges, without login, only when
 * {@code os2.public.enabled} is on. Only active products, and only what OS2 publishes anyway:
 * name, level, since when, last evaluation. No people, no proposals, no rejected or retired
 * products. Switched off, both answer exactly as an unknown address does (404), telling a
 * stranger nothing.
 */
@Controller
class PublicPortfolio {

  /** Badges change only when a level does: an hour in any cache is fine. */
  static final CacheControl BADGE_CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

  private final PortfolioList portfolio;
  private final PublicPortfolioSettings settings;

  PublicPortfolio(PortfolioList portfolio, PublicPortfolioSettings settings) {
    this.portfolio = portfolio;
    this.settings = settings;
  }

  record PublicProduct(String name, String slug, String level, java.time.LocalDate levelSince,
      java.time.LocalDate lastEvaluation) {}

  @GetMapping("/offentlig")
  String portfolio(Model model, jakarta.servlet.http.HttpServletResponse response) {
    requireEnabled();
    // The pages' security headers, set here (not by a filter) so that, switched off, nothing tells
    // these addresses from any unknown one.
    response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    List<PublicProduct> products = active()
        .map(p -> new PublicProduct(p.name(), Badge.slug(p.name()), p.level(), p.levelSince(), p.lastEvaluation()))
        .toList();
    model.addAttribute("products", products);
    // The address a product's README links to, as this page was reached.
    model.addAttribute("badgeBase",
        org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    return "public-portfolio";
  }

  /** The badge by the product's id or by its name's slug ({@code /badge/os2demoportal.svg}). */
  @GetMapping("/badge/{key}.svg")
  ResponseEntity<String> badge(@PathVariable String key, WebRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    requireEnabled();
    PortfolioList.Listed product = portfolio.activeByIdOrSlug(key, LocalDate.now())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String svg = Badge.svg(product.level());
    String etag = "\"" + sha256(svg).substring(0, 32) + "\"";
    // An unchanged badge answers 304 with the same cache rule, so caches keep it another hour.
    response.setHeader("Cache-Control", BADGE_CACHE.getHeaderValue());
    if (request.checkNotModified(etag)) {
      return null;
    }
    return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml;charset=UTF-8")).cacheControl(BADGE_CACHE)
        .eTag(etag).header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").body(svg);
  }

  /** The active products with a level, by name, in one query. */
  private java.util.stream.Stream<PortfolioList.Listed> active() {
    return portfolio.all(new PortfolioList.Query(null, null, ProductStatus.ACTIVE, null, null, null,
        PortfolioList.Sort.NAME, false, LocalDate.now())).stream().filter(p -> p.level() != null);
  }

  /** Off: the same 404 as any unknown address, without a word of why. */
  private void requireEnabled() {
    if (!settings.isEnabled()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
