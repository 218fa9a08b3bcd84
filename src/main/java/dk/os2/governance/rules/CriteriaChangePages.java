package dk.os2.governance.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueDiff;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The criteria-change pages: the secretariat proposes a new catalogue version (the version in force
 * as editable text, or an uploaded file), and every body reads a change's diff and impact on a
 * printable page; the same as JSON under {@code /api/criteria-changes}.
 */
@Controller
class CriteriaChangePages {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  /** The diff and impact of one change, as the page and the API show them. */
  record View(String processInstanceId, String catalogueId, String version, String baseVersion, String status,
      String proposedBy, boolean revisable, CatalogueDiff diff, ImpactPreview.Impact impact) {}

  private final CriteriaChanges changes;
  private final ChangeStore store;
  private final CatalogueStore catalogues;
  private final ImpactPreview impact;
  private final Catalogue shipped;
  private final IdentityService identity;
  private final TaskService tasks;

  CriteriaChangePages(CriteriaChanges changes, ChangeStore store, CatalogueStore catalogues, ImpactPreview impact,
      Catalogue shipped, IdentityService identity, TaskService tasks) {
    this.changes = changes;
    this.store = store;
    this.catalogues = catalogues;
    this.impact = impact;
    this.shipped = shipped;
    this.identity = identity;
    this.tasks = tasks;
  }

  @GetMapping(CriteriaChanges.PAGE)
  String page(@RequestParam(name = "katalog", required = false) String catalogueId, Model model) {
    requireSecretariat();
    String id = catalogueId == null || catalogueId.isBlank() ? shipped.id() : catalogueId;
    Catalogue inForce = catalogues.inForce(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Kataloget '" + id + "' har ingen version i kraft."));
    model.addAttribute("inForce", inForce);
    model.addAttribute("text", yaml(inForce));
    return "criteria-change-new";
  }

  @PostMapping(CriteriaChanges.PAGE)
  String start(@RequestParam(name = "tekst", required = false) String text,
      @RequestParam(name = "fil", required = false) MultipartFile file, Model model, HttpServletResponse response)
      throws IOException {
    requireSecretariat();
    String proposed = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
    try {
      return "redirect:" + CriteriaChanges.PAGE + "/" + changes.start(proposed) + "?startet";
    } catch (CriteriaChanges.Refused e) {
      catalogues.inForce(shipped.id()).ifPresent(c -> model.addAttribute("inForce", c));
      model.addAttribute("text", proposed);
      model.addAttribute("errors", e.problems());
      response.setStatus(e.getStatusCode().value());
      return "criteria-change-new";
    }
  }

  @GetMapping(CriteriaChanges.PAGE + "/{processInstanceId}")
  String change(@PathVariable String processInstanceId, Model model) {
    model.addAttribute("change", view(processInstanceId));
    model.addAttribute("text", store.find(processInstanceId).map(ChangeStore.Change::definition).orElse(""));
    return "criteria-change";
  }

  @PostMapping(CriteriaChanges.PAGE + "/{processInstanceId}")
  String revise(@PathVariable String processInstanceId, @RequestParam(name = "tekst", required = false) String text,
      Model model, HttpServletResponse response) {
    try {
      changes.revise(processInstanceId, text);
      return "redirect:" + CriteriaChanges.PAGE + "/" + processInstanceId + "?rettet";
    } catch (CriteriaChanges.Refused e) {
      model.addAttribute("change", view(processInstanceId));
      model.addAttribute("text", text);
      model.addAttribute("errors", e.problems());
      response.setStatus(e.getStatusCode().value());
      return "criteria-change";
    }
  }

  @GetMapping("/api/criteria-changes/{processInstanceId}")
  @ResponseBody
  View json(@PathVariable String processInstanceId) {
    return view(processInstanceId);
  }

  @PostMapping(value = "/api/criteria-changes", consumes = MediaType.ALL_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> startByApi(@RequestBody String text) {
    String processInstanceId = changes.start(text);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processInstanceId", processInstanceId);
    body.put("link", CriteriaChanges.PAGE + "/" + processInstanceId);
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  View view(String processInstanceId) {
    requireReader();
    ChangeStore.Change change = store.find(processInstanceId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Kriterieændringen findes ikke."));
    Catalogue proposed = CriteriaChanges.read(change.definition());
    // Against the version it was compared with when the bodies saw it; before that, the version in force.
    Catalogue base = change.baseVersion() == null ? catalogues.inForce(proposed.id()).orElse(null)
        : catalogues.find(change.catalogueId(), change.baseVersion()).orElse(null);
    boolean revisable = tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(CriteriaChanges.REVISE_TASK).count() > 0;
    return new View(processInstanceId, change.catalogueId(), change.version(),
        base == null ? null : base.version(), change.status(), change.proposedBy(), revisable,
        CatalogueDiff.between(base, proposed), impact.of(base, proposed));
  }

  private void requireSecretariat() {
    if (!Access.isSecretariat(identity)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Kun sekretariatet kan foreslå kriterieændringer.");
    }
  }

  /** The secretariat and the bodies that recommend and decide rule changes. */
  private void requireReader() {
    List<String> groups = Access.groups(identity);
    boolean body = groups.contains(Body.BESTYRELSE.groupId()) || groups.contains(Body.FORRETNINGSUDVALG.groupId())
        || groups.contains(Body.KOORDINATIONSUDVALG.groupId());
    if (!body && !Access.isSecretariat(identity)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Kun sekretariatet, udvalgene og bestyrelsen ser kriterieændringer.");
    }
  }

  static String yaml(Catalogue catalogue) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("id", catalogue.id());
    root.put("version", catalogue.version());
    root.put("title", catalogue.title());
    root.put("levels", catalogue.levels());
    root.put("themes", catalogue.themes());
    root.put("criteria", catalogue.criteria().stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("theme", c.theme());
      m.put("level", c.level());
      m.put("title", c.title());
      if (c.guidance() != null) {
        m.put("guidance", c.guidance());
      }
      m.put("mandatory", c.mandatory());
      m.put("deviationAllowed", c.deviationAllowed());
      m.put("owner", c.owner());
      return m;
    }).toList());
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
