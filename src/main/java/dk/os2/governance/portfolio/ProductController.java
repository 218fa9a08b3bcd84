package dk.os2.governance.portfolio;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio as JSON, for any logged-in user. One product with its groups
 * ({@code GET /api/products/{id}}) is answered by the levels module, which owns the groups.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

  private final Portfolio portfolio;

  ProductController(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  record ProductSummary(String id, String name, String level, ProductStatus status, LocalDate nextEvaluation) {}

  /** The portfolio; {@code ?status=ACTIVE} for the active portfolio only. */
  @GetMapping
  List<ProductSummary> products(@RequestParam(required = false) ProductStatus status) {
    return portfolio.products().stream()
        .filter(p -> status == null || p.status() == status)
        .map(p -> new ProductSummary(p.id(), p.name(), p.level(), p.status(), p.nextEvaluation()))
        .toList();
  }
}
