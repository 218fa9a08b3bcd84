package dk.os2.governance.deviation;

import dk.os2.governance.portfolio.Portfolio;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The deviations as JSON, for any logged-in user; changes by the secretariat. */
@RestController
class DeviationApi {

  private final DeviationRegister register;
  private final Portfolio portfolio;

  DeviationApi(DeviationRegister register, Portfolio portfolio) {
    this.register = register;
    this.portfolio = portfolio;
  }

  @GetMapping("/api/products/{id}/deviations")
  List<Deviation> forProduct(@PathVariable String id) {
    if (portfolio.product(id).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke.");
    }
    return register.forProduct(id);
  }

  /** The portfolio's deviations, with the page's filters ({@link DeviationFilter}). */
  @GetMapping("/api/deviations")
  List<Deviation> all(@ModelAttribute DeviationFilter filter) {
    return register.all().stream().filter(filter.predicate()).toList();
  }

  record Change(String owner, String expiresOn) {}

  /** {@code {owner, expiresOn}} (a user or group id; {@code dd-mm-åååå} or ISO). */
  @PutMapping("/api/deviations/{id}")
  Deviation change(@PathVariable String id, @RequestBody Change change) {
    register.change(id, change.owner(), change.expiresOn());
    return register.deviation(id);
  }
}
