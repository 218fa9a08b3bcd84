package dk.os2.governance.levels;

import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.deviation.Deviations;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.identity.Access;
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
  private final ProductTimeline timeline;
  private final Deviations deviations;

  ProductPage(Portfolio portfolio, ProductGroups groups, Evaluations evaluations, CatalogueStore catalogues,
      IdentityService identity, LevelChanges levelChanges, ProductTimeline timeline, Deviations deviations) {
    this.deviations = deviations;
    this.levelChanges = levelChanges;
    this.timeline = timeline;
    this.portfolio = portfolio;
    this.groups = groups;
    this.evaluations = evaluations;
    this.catalogues = catalogues;
    this.identity = identity;
  }

  /** One of the product's groups on the page, with its members. */
  record GroupSection(GroupKind kind, String anchor, java.util.List<ProductGroups.Member> members) {}

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
    // Every code in Danish: bodies by their names, people by their names where the identity
    // service has one, outcomes, sources and levels by their labels (messages.properties).
    var evaluationsOfProduct = evaluations.forProduct(id);
    model.addAttribute("evaluations", evaluationsOfProduct);
    model.addAttribute("timeline", timeline.of(id, evaluationsOfProduct));
    model.addAttribute("deviations", deviations.forProduct(id));
    model.addAttribute("catalogues", catalogues.list());
    var members = groups.members(id);
    model.addAttribute("members", members);
    model.addAttribute("memberNames", timeline.names(members.stream().map(ProductGroups.Member::userId).toList()));
    model.addAttribute("groupSections", java.util.Arrays.stream(GroupKind.values())
        .map(kind -> new GroupSection(kind, kind == GroupKind.STEERING ? "styregruppe" : "koordinationsgruppe",
            members.stream().filter(m -> m.kind() == kind).toList()))
        .toList());
    model.addAttribute("levelLabel", timeline.levelLabel(product.level()));
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
