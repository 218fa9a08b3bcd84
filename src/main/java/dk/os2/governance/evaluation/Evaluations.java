package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.criteria.SelfAssessmentCheck;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.process.ProcessClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Creating and reading evaluations: by a reviewer, from the automated check, and for pages and the API. */
@Service
public class Evaluations {

  /**
   * What a reviewer submits. Its shape (lengths the tables hold) Bean Validation checks; whether
   * the catalogue, levels and criteria exist and the reviewer owns them, {@link #review} does.
   */
  public record Review(
      @Size(max = 100, message = "{review.catalogue.tooLong}") String catalogueId,
      @Size(max = 50, message = "{review.catalogue.tooLong}") String catalogueVersion,
      @Size(max = 20, message = "{review.level.tooLong}") String targetLevel,
      @Size(max = 20, message = "{review.level.tooLong}") String statedLevel,
      @Size(max = 8000, message = "{review.summary.tooLong}") String summary,
      @Size(max = 8000, message = "{review.overall.tooLong}") String overall,
      @Size(max = 8000, message = "{review.recommendations.tooLong}") String recommendations,
      @Size(max = 1000, message = "{review.assessments.tooMany}") List<@Valid ReviewItem> assessments) {}

  public record ReviewItem(
      @Size(max = 50, message = "{review.criterion.tooLong}") String criterionId,
      @Size(max = 10, message = "{review.light.unknown}") String light,
      @Size(max = 4000, message = "{review.rationale.tooLong}") String rationale) {}

  private final EvaluationStore store;
  private final CatalogueStore catalogues;
  private final Catalogue shipped;
  private final Portfolio portfolio;
  private final SelfAssessmentStore selfAssessments;
  private final String contextPath;

  Evaluations(EvaluationStore store, CatalogueStore catalogues, Catalogue shipped, Portfolio portfolio,
      SelfAssessmentStore selfAssessments, @Value("${server.servlet.context-path:}") String contextPath) {
    this.contextPath = contextPath.replaceAll("/+$", "");
    this.store = store;
    this.catalogues = catalogues;
    this.shipped = shipped;
    this.portfolio = portfolio;
    this.selfAssessments = selfAssessments;
  }

  /**
   * The evaluation's report page as the forms in Tasklist link to it: a path of this site, so the
   * link works on whatever address the user reached the application by (never {@code os2.base-url},
   * which only mails need).
   */
  public String reportLink(String evaluationId) {
    return contextPath + "/app/evalueringer/" + evaluationId;
  }

  /**
   * The evaluation's counts per level in Danish Markdown, for the forms of every body that reviews
   * it ("Optælling pr. niveau", one line a level with its green, yellow, red and grey); empty if the
   * evaluation is unknown.
   */
  public String countsSummary(String evaluationId) {
    return details(evaluationId).map(details -> {
      StringBuilder counts = new StringBuilder("\n\nOptælling pr. niveau (🟢 opfyldt, 🟡 delvist/afvigelse, 🔴 ikke opfyldt, ⚪ ikke vurderet):");
      details.levels().forEach(l -> {
        Tally t = details.counts().byLevel().get(l.id());
        counts.append("\n- ").append(l.id()).append(": 🟢 ").append(t.green()).append(" 🟡 ").append(t.yellow())
            .append(" 🔴 ").append(t.red()).append(" ⚪ ").append(t.grey());
      });
      return counts.toString();
    }).orElse("");
  }

  public Optional<EvaluationDetails> details(String id) {
    return store.find(id).map(e -> {
      Catalogue catalogue = catalogues.find(e.catalogueId(), e.catalogueVersion())
          .orElseThrow(() -> new IllegalStateException("Catalogue of evaluation " + id + " is missing"));
      String name = portfolio.product(e.productId()).map(Product::name).orElse("(ukendt produkt)");
      EvaluationStore.ImportedReport imported = store.imported(e.id());
      return EvaluationDetails.of(e, name, catalogue, imported.authorEmail(), imported.links().stream()
          .map(l -> new EvaluationDetails.Link(l.label(), l.value())).toList());
    });
  }

  public List<EvaluationDetails> forProduct(String productId) {
    return store.idsForProduct(productId).stream().map(this::details).flatMap(Optional::stream).toList();
  }

  /** Every evaluation made in a period (both days included), oldest first: for the report packs. */
  public List<EvaluationDetails> between(LocalDate from, LocalDate to) {
    return store.idsBetween(from, to).stream().map(this::details).flatMap(Optional::stream).toList();
  }

  /**
   * A reviewer's evaluation. The secretariat may assess every criterion; a committee only the
   * criteria it owns. Red and yellow lights need a rationale.
   */
  @Transactional
  public String review(String productId, Review review, String userId, List<String> groups, boolean secretariat) {
    Product product = portfolio.product(productId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
    Catalogue catalogue = catalogue(review.catalogueId(), review.catalogueVersion());
    List<String> problems = new ArrayList<>();
    if (review.targetLevel() == null || !catalogue.hasLevel(review.targetLevel())) {
      problems.add("Vælg et niveau, der findes i kataloget " + catalogue.reference() + ".");
    }
    if (review.statedLevel() != null && !review.statedLevel().isBlank() && !catalogue.hasLevel(review.statedLevel())) {
      problems.add("Det angivne niveau '" + review.statedLevel() + "' findes ikke i kataloget.");
    }
    Map<String, SelfAssessmentStore.Answer> own = selfAssessments.latest(productId, catalogue.id(), catalogue.version())
        .map(SelfAssessmentStore.Stored::answers).orElse(Map.of());
    List<Assessment> assessments = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ReviewItem item : review.assessments() == null ? List.<ReviewItem>of() : review.assessments()) {
      Optional<Criterion> criterion = catalogue.criterion(item.criterionId());
      if (criterion.isEmpty()) {
        problems.add("Kriteriet '" + item.criterionId() + "' findes ikke i kataloget " + catalogue.reference() + ".");
        continue;
      }
      if (!seen.add(item.criterionId())) {
        problems.add("Kriteriet " + item.criterionId() + " er vurderet to gange.");
        continue;
      }
      if (!secretariat && !groups.contains(criterion.get().owner())) {
        problems.add("Kriteriet " + item.criterionId() + " ejes af " + criterion.get().owner()
            + "; kun sekretariatet eller det udvalg kan vurdere det.");
        continue;
      }
      Light light = Light.parse(item.light()).orElse(null);
      if (light == null) {
        problems.add("Kriteriet " + item.criterionId() + ": ukendt vurdering '" + item.light() + "'.");
        continue;
      }
      if ((light == Light.RED || light == Light.YELLOW) && (item.rationale() == null || item.rationale().isBlank())) {
        problems.add("Kriteriet " + item.criterionId() + ": skriv en begrundelse for en " + light.danishName().toLowerCase()
            + " vurdering.");
        continue;
      }
      SelfAssessmentStore.Answer answer = own.get(item.criterionId());
      assessments.add(new Assessment(item.criterionId(), light, item.rationale(),
          answer == null ? null : answer.answer(), answer == null ? null : answer.documentation()));
    }
    if (assessments.isEmpty() && problems.isEmpty()) {
      problems.add("Vurdér mindst ét kriterium.");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    return store.save(new Evaluation(null, product.id(), catalogue.id(), catalogue.version(), review.targetLevel(),
        blankToNull(review.statedLevel()), Evaluation.Source.REVIEW, review.summary(), review.overall(),
        review.recommendations(), userId, ProcessClock.today(), assessments, List.of(), null, userId, null));
  }

  /** The automated check's result as an evaluation: what the committee and board forms link to. */
  public String automated(String productId, Catalogue catalogue, String requestedLevel, Map<String, ?> answers,
      String processInstanceId) {
    return automated(productId, catalogue, requestedLevel, answers, processInstanceId, Map.of());
  }

  /**
   * The automated check's result as an evaluation, where the deviations of {@code expiredDeviations}
   * (criterion id to the day it expired) no longer stand in for their criteria.
   */
  public String automated(String productId, Catalogue catalogue, String requestedLevel, Map<String, ?> answers,
      String processInstanceId, Map<String, LocalDate> expiredDeviations) {
    SelfAssessmentCheck.Result check = SelfAssessmentCheck.check(catalogue, requestedLevel, answers, expiredDeviations);
    Map<String, String> problems = new LinkedHashMap<>();
    check.gaps().forEach(g -> problems.put(g.criterionId(), "RED:" + g.problem()));
    check.notes().forEach(n -> problems.put(n.criterionId(), "YELLOW:" + n.problem()));
    List<Assessment> assessments = new ArrayList<>();
    for (Criterion c : catalogue.criteriaUpTo(requestedLevel)) {
      String answer = text(answers.get(c.answerVariable()));
      String documentation = text(answers.get(c.documentationVariable()));
      String problem = problems.get(c.id());
      Light light = problem == null ? Light.GREEN : Light.valueOf(problem.substring(0, problem.indexOf(':')));
      String rationale = problem == null ? "Besvaret 'Ja'." : problem.substring(problem.indexOf(':') + 1);
      assessments.add(new Assessment(c.id(), light, rationale, answer, documentation));
    }
    return store.save(new Evaluation(null, productId, catalogue.id(), catalogue.version(), requestedLevel, null,
        Evaluation.Source.AUTOMATED, check.summary(), null, null, "Automatisk kontrol", ProcessClock.today(), assessments,
        List.of(), processInstanceId, null, null));
  }

  Catalogue catalogue(String id, String version) {
    if (id == null || id.isBlank()) {
      return shipped;
    }
    return catalogues.find(id, version == null ? "" : version).orElseThrow(() -> new ImportException(
        "Kataloget '" + id + "' version '" + version + "' findes ikke."));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
