package dk.os2.governance.evaluation;

import dk.os2.governance.identity.Access;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Evaluations, self-assessments and report imports as JSON. */
@RestController
class EvaluationApi {

  private final Evaluations evaluations;
  private final ReportImport reports;
  private final SelfAssessmentImport selfAssessments;
  private final IdentityService identity;

  EvaluationApi(Evaluations evaluations, ReportImport reports, SelfAssessmentImport selfAssessments,
      IdentityService identity) {
    this.evaluations = evaluations;
    this.reports = reports;
    this.selfAssessments = selfAssessments;
    this.identity = identity;
  }

  @GetMapping("/api/evaluations/{id}")
  EvaluationDetails evaluation(@PathVariable String id) {
    return evaluations.details(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Evalueringen findes ikke."));
  }

  @GetMapping("/api/evaluations/{id}/markdown")
  ResponseEntity<String> markdown(@PathVariable String id) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
        .body(EvaluationReportWriter.markdown(evaluation(id)));
  }

  @GetMapping("/api/products/{id}/evaluations")
  List<EvaluationDetails> forProduct(@PathVariable String id) {
    return evaluations.forProduct(id);
  }

  @PostMapping("/api/products/{id}/evaluations")
  ResponseEntity<Map<String, String>> review(@PathVariable String id, @Valid @RequestBody Evaluations.Review review) {
    List<String> groups = Access.groups(identity);
    boolean secretariat = Access.isSecretariat(identity);
    if (!secretariat && !groups.contains("forretningsudvalg") && !groups.contains("koordinationsudvalg")) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Kun sekretariatet og de udvalg, der ejer kriterierne, kan evaluere.");
    }
    String evaluationId = evaluations.review(id, review, Access.userId(identity), groups, secretariat);
    return ResponseEntity.created(URI.create("/api/evaluations/" + evaluationId)).body(Map.of("id", evaluationId));
  }

  @PostMapping(value = "/api/products/{id}/self-assessments", consumes = MediaType.ALL_VALUE)
  ResponseEntity<Map<String, String>> importSelfAssessment(@PathVariable String id, @RequestBody String body,
      @RequestParam(required = false) String catalogue, @RequestParam(required = false) String version) {
    selfAssessments.requireOwner(id, Access.userId(identity), Access.isSecretariat(identity));
    SelfAssessmentImport.Imported saved = selfAssessments.importJson(id, body, catalogue, version, Access.userId(identity));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", saved.id(),
        "catalogue", saved.catalogueReference(), "catalogueFoundBy", saved.foundBy()));
  }

  @GetMapping(value = "/api/products/{id}/self-assessments/latest", produces = MediaType.APPLICATION_JSON_VALUE)
  String latestSelfAssessment(@PathVariable String id) {
    return selfAssessments.exportJson(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet har ingen selvevaluering."));
  }

  @PostMapping(value = "/api/evaluation-reports", consumes = MediaType.ALL_VALUE)
  ResponseEntity<ReportImport.Result> importReport(@RequestBody String markdown) {
    Access.requireSecretariat(identity, "Kun sekretariatet kan importere evalueringsrapporter.");
    ReportImport.Result result = reports.importOnce(markdown, Access.userId(identity));
    if (result.duplicate()) {
      // The same report was imported before: nothing new, the earlier evaluation is the answer.
      return ResponseEntity.ok().location(URI.create("/api/evaluations/" + result.evaluationId())).body(result);
    }
    return ResponseEntity.created(URI.create("/api/evaluations/" + result.evaluationId())).body(result);
  }
}
