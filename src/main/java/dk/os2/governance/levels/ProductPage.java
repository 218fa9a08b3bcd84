package dk.os2.governance.levels;

import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import java.util.HashMap;
import java.util.Map;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A product's page: its level and cycle, groups and their rules, evaluations, decisions. */
@Controller
class ProductPage {

  private final Portfolio portfolio;
  private final ProductGroups groups;
  private final Evaluations evaluations;
  private final CatalogueStore catalogues;
  private final IdentityService identity;
  private final LevelChanges levelChanges;

  ProductPage(Portfolio portfolio, ProductGroups groups, Evaluations evaluations, CatalogueStore catalogues,
      IdentityService identity, LevelChanges levelChanges) {
    this.levelChanges = levelChanges;
    this.portfolio = portfolio;
    this.groups = groups;
    this.evaluations = evaluations;
    this.catalogues = catalogues;
    this.identity = identity;
  }

  @GetMapping("/app/produkter/{id}")
  String product(@PathVariable String id, Model model) {
    return render(id, model);
  }

  /**
   * The product page; also rendered by {@link LevelController} with a refusal of a level change or
   * evaluation shown where it was asked for ({@code levelChangeError}, {@code evaluationError}), the
   * user's choices kept ({@code levelChangeTarget}, {@code levelChangeReason}).
   */
  String render(String id, Model model) {
    Product product = portfolio.product(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
    model.addAttribute("product", product);
    // Shown one a line in the text box, which is how the secretariat edits the list.
    model.addAttribute("municipalities", String.join("\n", product.municipalities()));
    var decisions = portfolio.decisions(id);
    model.addAttribute("decisions", decisions);
    // Bodies by their Danish names, not their group ids.
    Map<String, String> bodyNames = new HashMap<>();
    decisions.forEach(d -> bodyNames.put(d.body(), Body.danishNameOf(d.body())));
    model.addAttribute("bodyNames", bodyNames);
    model.addAttribute("evaluations", evaluations.forProduct(id));
    model.addAttribute("catalogues", catalogues.list());
    model.addAttribute("members", groups.members(id));
    model.addAttribute("gapsN2", groups.structuralGaps(id, "N2", false));
    model.addAttribute("gapsN3", groups.structuralGaps(id, "N3", false));
    model.addAttribute("roles", MemberRole.values());
    model.addAttribute("kinds", GroupKind.values());
    model.addAttribute("secretariat", Access.isSecretariat(identity));
    model.addAttribute("steeringMember", groups.isMember(id, GroupKind.STEERING, Access.userId(identity)));
    // The running level change and evaluation; a second level change is not offered while one runs.
    java.util.List<LevelChanges.RunningChange> running = levelChanges.runningChanges(id);
    model.addAttribute("runningChanges", running);
    model.addAttribute("levelChangeRunning",
        running.stream().anyMatch(r -> LevelChanges.LEVEL_CHANGE.equals(r.kind())));
    model.addAttribute("evaluationUnderWay", running.stream()
        .anyMatch(r -> LevelChanges.ANNUAL_EVALUATION.equals(r.kind()) && !r.openTasks().isEmpty()));
    String chosen = (String) model.getAttribute("levelChangeTarget");
    model.addAttribute("levelChoices", levelChanges.levelChoices(product.level()).stream()
        .map(c -> chosen == null ? c : new LevelChanges.LevelChoice(c.level(), c.label(), c.promotion(),
            c.level().equals(chosen)))
        .toList());
    model.addAttribute("nextLevelUp", levelChanges.nextLevelUp(product.level()).orElse(null));
    return "product";
  }
}
