package dk.os2.governance.deviation;

import dk.os2.governance.identity.Access;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portfolio's deviations for every logged-in user, filterable and exported as CSV; the
 * secretariat changes a deviation's owner and expiry date and closes it on the same page.
 */
@Controller
class DeviationPages {

  private final DeviationRegister register;
  private final Portfolio portfolio;
  private final IdentityService identity;

  DeviationPages(DeviationRegister register, Portfolio portfolio, IdentityService identity) {
    this.register = register;
    this.portfolio = portfolio;
    this.identity = identity;
  }

  @GetMapping("/app/afvigelser")
  String page(@ModelAttribute("filter") DeviationFilter filter, Model model) {
    List<Deviation> deviations = register.all().stream().filter(filter.predicate()).toList();
    model.addAttribute("deviations", deviations);
    model.addAttribute("products", portfolio.products().stream()
        .sorted(Comparator.comparing(Product::name, String.CASE_INSENSITIVE_ORDER)).toList());
    model.addAttribute("secretariat", Access.isSecretariat(identity));
    model.addAttribute("state", filter.state());
    return "deviations";
  }

  @GetMapping("/app/afvigelser/csv")
  ResponseEntity<byte[]> csv(@ModelAttribute DeviationFilter filter) {
    List<Deviation> deviations = register.all().stream().filter(filter.predicate()).toList();
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"afvigelser.csv\"")
        .body(DeviationCsv.write(deviations).getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping("/app/afvigelser/{id}")
  String change(@PathVariable String id, @RequestParam(name = "ejer", required = false) String owner,
      @RequestParam(name = "udloeb", required = false) String expiry, RedirectAttributes redirect) {
    register.change(id, owner, expiry);
    Deviation changed = register.deviation(id);
    redirect.addFlashAttribute("message", "Afvigelsen fra " + changed.criterionId() + " for " + changed.productName()
        + " er ændret: ejer " + changed.ownerName() + ", udløber " + dk.os2.governance.submission.MeetingDate
        .danish(changed.expiresOn()) + ".");
    return "redirect:/app/afvigelser";
  }

  @PostMapping("/app/afvigelser/{id}/luk")
  String close(@PathVariable String id, RedirectAttributes redirect) {
    register.close(id);
    Deviation closed = register.deviation(id);
    redirect.addFlashAttribute("message", "Afvigelsen fra " + closed.criterionId() + " for " + closed.productName()
        + " er lukket.");
    return "redirect:/app/afvigelser";
  }
}
