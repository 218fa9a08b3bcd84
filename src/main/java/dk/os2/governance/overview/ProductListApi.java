package dk.os2.governance.overview;

import dk.os2.governance.portfolio.PortfolioList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio as JSON, for any logged-in user: one page of the products the filters show, with
 * their total (the parameters are {@link ProductSearch}'s). One product with its groups
 * ({@code GET /api/products/{id}}) is answered by the levels module, which owns the groups.
 */
@RestController
class ProductListApi {

  /** One page: {@code page} counts from 1; {@code total} is the number of products all pages hold. */
  record ProductsPage(List<PortfolioList.Listed> items, int page, int size, long total) {}

  private final ProductSearch search;
  private final PortfolioList list;

  ProductListApi(ProductSearch search, PortfolioList list) {
    this.search = search;
    this.list = list;
  }

  @GetMapping("/api/products")
  ProductsPage products(@RequestParam Map<String, String> parameters) {
    ProductSearch.Request request = search.read(parameters);
    PortfolioList.Page page = list.page(request.query(), request.page(), request.size());
    return new ProductsPage(page.items(), page.page(), page.size(), page.total());
  }
}
