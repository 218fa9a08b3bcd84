package dk.os2.governance.levels;

import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * One product as JSON, for any logged-in user: the portfolio's record and decisions, and the
 * members of its groups. It lives here because the groups are this module's table; the
 * portfolio, which this module builds on, lists the products ({@code GET /api/products}).
 */
@RestController
class ProductDetailsController {

  private final Portfolio portfolio;
  private final ProductGroups groups;

  ProductDetailsController(Portfolio portfolio, ProductGroups groups) {
    this.portfolio = portfolio;
    this.groups = groups;
  }

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

  @GetMapping("/api/products/{id}")
  ProductDetails product(@PathVariable String id) {
    Product p = portfolio.product(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
    return new ProductDetails(p.id(), p.name(), p.level(), p.status(), p.levelSince(),
        p.proposingMunicipality(), p.contactName(), p.contactEmail(), p.licence(), p.repositoryUrl(),
        p.lastEvaluation(), p.nextEvaluation(), p.handoverAcceptedOn(),
        groups.members(id).stream()
            .map(m -> new GroupMember(m.kind().name(), m.userId(), m.role().name(), m.organisation())).toList(),
        portfolio.decisions(id));
  }
}
