package dk.os2.governance.portfolio;

import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The portfolio as JSON, for any logged-in user. */
@RestController
@RequestMapping("/api/products")
class ProductController {

  private final Portfolio portfolio;

  ProductController(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  record ProductSummary(String id, String name, String level, ProductStatus status, LocalDate nextEvaluation) {}

  record GroupMember(String group, String userId, String role, String organisation) {}

  record ProductDetails(
      String id,
      String name,
      String level,
      ProductStatus status,
      LocalDate levelSince,
      String proposingMunicipality,
      String contactName,
      String contactEmail,
      String licence,
      String repositoryUrl,
      LocalDate lastEvaluation,
      LocalDate nextEvaluation,
      LocalDate handoverAcceptedOn,
      List<GroupMember> groups,
      List<Decision> decisions) {}

  /** The portfolio; {@code ?status=ACTIVE} for the active portfolio only. */
  @GetMapping
  List<ProductSummary> products(@RequestParam(required = false) ProductStatus status) {
    return portfolio.products().stream()
        .filter(p -> status == null || p.status() == status)
        .map(p -> new ProductSummary(p.id(), p.name(), p.level(), p.status(), p.nextEvaluation()))
        .toList();
  }

  @GetMapping("/{id}")
  ProductDetails product(@PathVariable String id) {
    Product p = portfolio.product(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
    return new ProductDetails(p.id(), p.name(), p.level(), p.status(), p.levelSince(),
        p.proposingMunicipality(), p.contactName(), p.contactEmail(), p.licence(), p.repositoryUrl(),
        p.lastEvaluation(), p.nextEvaluation(), p.handoverAcceptedOn(),
        portfolio.groupMembers(id).stream().map(m -> new GroupMember(m[0], m[1], m[2], m[3])).toList(),
        portfolio.decisions(id));
  }
}
