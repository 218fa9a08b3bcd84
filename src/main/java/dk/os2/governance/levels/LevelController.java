package dk.os2.governance.levels;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A product's groups, usage, level changes and annual evaluations: the secretariat maintains
 * groups and usage; the secretariat or the product's steering group starts a level change.
 */
@Controller
class LevelController {

  /**
   * A person with a login ({@code userId}), or without {@code userId} an organisation without a
   * login (by its name in {@code organisation}; coordination group only). The user id column holds
   * 64 characters, the organisation column 200.
   */
  record MemberRequest(
      @Size(max = 64, message = "{member.userId.tooLong}") String userId,
      String role,
      @Size(max = 200, message = "{member.organisation.tooLong}") String organisation) {}

  record UsageRequest(
      @Size(max = 500, message = "{usage.municipalities.tooMany}")
      List<@Size(max = 1000, message = "{usage.municipality.tooLong}") String> municipalities,
      boolean singleCodeVersion) {}

  /** The shape of a level change; whether the level exists and the change is allowed, {@link LevelChanges} says. */
  record LevelChangeRequest(
      @NotBlank(message = "{levelChange.targetLevel.missing}") String targetLevel,
      @NotBlank(message = "{levelChange.reason}") @Size(max = 2000, message = "{levelChange.reason}") String reason) {}

  private final ProductGroups groups;
  private final LevelChanges levelChanges;
  private final Portfolio portfolio;
  private final IdentityService identity;
  private final ProductPage productPage;

  LevelController(ProductGroups groups, LevelChanges levelChanges, Portfolio portfolio,
      IdentityService identity, ProductPage productPage) {
    this.productPage = productPage;
    this.groups = groups;
    this.levelChanges = levelChanges;
    this.portfolio = portfolio;
    this.identity = identity;
  }

  @GetMapping("/api/products/{id}/groups")
  @ResponseBody
  Map<String, Object> groups(@PathVariable String id) {
    return Map.of("members", groups.members(id),
        "gapsForN2", groups.structuralGaps(id, "N2", false), "gapsForN3", groups.structuralGaps(id, "N3", false));
  }

  @PostMapping("/api/products/{id}/groups/{kind}/members")
  @ResponseBody
  ResponseEntity<Void> addMember(@PathVariable String id, @PathVariable String kind, @Valid @RequestBody MemberRequest member) {
    Access.requireSecretariat(identity, "Kun sekretariatet vedligeholder produktets grupper.");
    addMember(id, kind(kind), member.userId(), role(member.role()), member.organisation());
    return ResponseEntity.status(HttpStatus.CREATED).build();
  }

  /** An organisation without a login leaves the group by its name: {@code ?organisation=Magenta}. */
  @DeleteMapping("/api/products/{id}/groups/{kind}/members")
  @ResponseBody
  ResponseEntity<Void> removeOrganisation(@PathVariable String id, @PathVariable String kind,
      @RequestParam String organisation) {
    Access.requireSecretariat(identity, "Kun sekretariatet vedligeholder produktets grupper.");
    requireProduct(id);
    groups.removeOrganisation(id, kind(kind), organisation);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/products/{id}/groups/{kind}/members/{userId}")
  @ResponseBody
  ResponseEntity<Void> removeMember(@PathVariable String id, @PathVariable String kind, @PathVariable String userId) {
    Access.requireSecretariat(identity, "Kun sekretariatet vedligeholder produktets grupper.");
    groups.remove(id, kind(kind), userId);
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/api/products/{id}/usage")
  @ResponseBody
  ResponseEntity<Void> usage(@PathVariable String id, @Valid @RequestBody UsageRequest usage) {
    Access.requireSecretariat(identity, "Kun sekretariatet vedligeholder produktets udbredelse.");
    requireProduct(id);
    portfolio.usage(id, usage.municipalities() == null ? List.of() : usage.municipalities(),
        usage.singleCodeVersion());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/products/{id}/level-changes")
  @ResponseBody
  ResponseEntity<Map<String, String>> levelChange(@PathVariable String id, @Valid @RequestBody LevelChangeRequest request) {
    String pi = levelChanges.start(id, request.targetLevel(), request.reason(), Access.userId(identity),
        Access.isSecretariat(identity));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("processInstanceId", pi));
  }

  @PostMapping("/api/products/{id}/annual-evaluations")
  @ResponseBody
  ResponseEntity<Map<String, String>> annualEvaluation(@PathVariable String id) {
    Access.requireSecretariat(identity, "Kun sekretariatet kan starte en evaluering uden for cyklussen.");
    LevelChanges.CycleStart cycle = levelChanges.annualCycle(id, true);
    // 201 for a new cycle; 200 when the product's existing cycle was brought forward.
    return ResponseEntity.status(cycle.started() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("processInstanceId", cycle.processInstanceId()));
  }

  // --- the same from the product page ---

  /** A person by user id, or with the user id left empty an organisation without a login by its name. */
  @PostMapping("/app/produkter/{id}/grupper")
  String addMemberPage(@PathVariable String id, @RequestParam String kind, @RequestParam(required = false) String userId,
      @RequestParam String role, @RequestParam(required = false) String organisation) {
    Access.requireSecretariat(identity, "Kun sekretariatet vedligeholder produktets grupper.");
    addMember(id, kind(kind), userId, role(role), organisation(organisation));
    return "redirect:/app/produkter/" + id;
  }

  /** A person leaves by user id; an organisation without a login (no user id) by its name. */
  @PostMapping("/app/produkter/{id}/grupper/fjern")
  String removeMemberPage(@PathVariable String id, @RequestParam String kind,
      @RequestParam(required = false) String userId, @RequestParam(required = false) String organisation) {
    Access.requireSecretariat(identity, "Kun sekretariatet vedligeholder produktets grupper.");
    if (userId == null || userId.isBlank()) {
      requireProduct(id);
      groups.removeOrganisation(id, kind(kind), organisation);
    } else {
      groups.remove(id, kind(kind), userId);
    }
    return "redirect:/app/produkter/" + id;
  }

  private void addMember(String id, GroupKind kind, String userId, MemberRole role, String organisation) {
    if (userId == null || userId.isBlank()) {
      groups.addOrganisation(id, kind, role, organisation);
    } else {
      groups.add(id, kind, userId.trim(), role, organisation);
    }
  }

  @PostMapping("/app/produkter/{id}/udbredelse")
  String usagePage(@PathVariable String id, @RequestParam(required = false) String municipalities,
      @RequestParam(required = false) String singleCodeVersion) {
    Access.requireSecretariat(identity, "Kun sekretariatet vedligeholder produktets udbredelse.");
    requireProduct(id);
    portfolio.usage(id, municipalities, singleCodeVersion != null);
    return "redirect:/app/produkter/" + id;
  }

  /**
   * The product page's level change, in two steps. Without {@code confirmed} it starts nothing: it
   * checks the request as the start would and shows the confirmation page (product, from and to
   * level, what happens next and who is asked). The confirmation page's form sends the same fields
   * with {@code confirmed=ja}: only then is the process started, and the user lands on the product
   * page with a message saying what happens next. A refusal (a change already running, no reason,
   * no access) is shown on the product page at the form, in Danish, with the user's input kept.
   */
  @PostMapping("/app/produkter/{id}/niveauaendring")
  String levelChangePage(@PathVariable String id, @RequestParam(required = false) String targetLevel,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    String target = targetLevel == null ? null : targetLevel.trim();
    String userId = Access.userId(identity);
    boolean secretariat = Access.isSecretariat(identity);
    try {
      if (!"ja".equals(confirmed)) {
        Product product = levelChanges.checkStart(id, target, reason, userId, secretariat);
        model.addAttribute("product", product);
        model.addAttribute("targetLevel", target);
        model.addAttribute("reason", reason.trim());
        model.addAttribute("promotion", levelChanges.isPromotion(product.level(), target));
        model.addAttribute("steps", levelChanges.nextSteps(product, target));
        model.addAttribute("gaps", groups.structuralGaps(id, target, false));
        return "level-change-confirm";
      }
      levelChanges.start(id, target, reason, userId, secretariat);
      Product product = portfolio.product(id).orElseThrow();
      redirect.addFlashAttribute("message", started(product, target));
      return "redirect:/app/produkter/" + id;
    } catch (ResponseStatusException refused) {
      if (refused.getStatusCode().value() == 404 || portfolio.product(id).isEmpty()) {
        throw refused;
      }
      response.setStatus(refused.getStatusCode().value());
      model.addAttribute("levelChangeError", refused.getReason());
      model.addAttribute("levelChangeTarget", target);
      model.addAttribute("levelChangeReason", reason);
      return productPage.render(id, model);
    }
  }

  /** What the user reads on the product page after starting: what started and what happens next. */
  private String started(Product product, String target) {
    boolean steering = !groups.members(product.id(), GroupKind.STEERING).isEmpty();
    boolean handover = levelChanges.isPromotion(product.level(), target) && "N3".equals(target);
    return "Niveauændringen af " + product.name() + " fra " + (product.level() == null ? "intet niveau" : product.level())
        + " til " + target + " er startet. Næste skridt: "
        + (steering ? "styregruppen" : "sekretariatet (produktet har ingen styregruppe)")
        + " opdaterer selvevalueringen for " + target + " i Tasklist. Derefter kontrollerer systemet kriterier og grupper"
        + (handover ? ", Koordinationsudvalget vurderer overdragelsen til drift" : "")
        + ", Forretningsudvalget indstiller, og Bestyrelsen beslutter. Hver, der får en opgave, får besked pr. e-mail.";
  }

  @PostMapping("/app/produkter/{id}/evaluering")
  String annualEvaluationPage(@PathVariable String id, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      Access.requireSecretariat(identity, "Kun sekretariatet kan starte en evaluering uden for cyklussen.");
      LevelChanges.CycleStart cycle = levelChanges.annualCycle(id, true);
      redirect.addFlashAttribute("message", (cycle.started() ? "Evalueringen er startet."
          : "Evalueringen er rykket frem til nu.")
          + " Næste skridt: styregruppen (eller sekretariatet, hvis produktet ingen styregruppe har) opdaterer"
          + " selvevalueringen i Tasklist; derefter evaluerer sekretariatet produktet,"
          + " og styregruppen følger op, mens Bestyrelsen beslutter niveauet.");
      return "redirect:/app/produkter/" + id;
    } catch (ResponseStatusException refused) {
      if (refused.getStatusCode().value() == 404 || portfolio.product(id).isEmpty()) {
        throw refused;
      }
      response.setStatus(refused.getStatusCode().value());
      model.addAttribute("evaluationError", refused.getReason());
      return productPage.render(id, model);
    }
  }

  private void requireProduct(String id) {
    if (portfolio.product(id).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke.");
    }
  }

  /**
   * The organisation column holds 200 characters: longer is refused in Danish, not by the database
   * (the page's form; the API's {@link MemberRequest} says the same by Bean Validation).
   */
  private static String organisation(String text) {
    if (text != null && text.length() > 200) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Organisationen må højst være 200 tegn.");
    }
    return text;
  }

  private static GroupKind kind(String text) {
    for (GroupKind kind : GroupKind.values()) {
      if (kind.name().equalsIgnoreCase(text) || kind.danishName().equalsIgnoreCase(text)) {
        return kind;
      }
    }
    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Ukendt gruppe '" + text + "' (STEERING eller COORDINATION).");
  }

  private static MemberRole role(String text) {
    for (MemberRole role : MemberRole.values()) {
      if (role.name().equalsIgnoreCase(text)) {
        return role;
      }
    }
    throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
        "Ukendt rolle '" + text + "' (MUNICIPALITY, SUPPLIER, BOARD_MEMBER, BOARD_APPOINTEE eller PARTICIPANT).");
  }
}
