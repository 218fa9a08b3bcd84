package dk.os2.governance.rules;

import dk.os2.governance.criteria.Answer;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.criteria.SelfAssessmentCheck;
import dk.os2.governance.evaluation.EvaluationDetails;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.evaluation.SelfAssessmentStore;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.submission.MeetingDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a proposed catalogue version would do to the portfolio: for every active product its
 * indicative level under the version in force and under the proposed one, computed by
 * {@link SelfAssessmentCheck} under each version's rules from what is known of the product: its
 * latest self-assessment of the catalogue, and over it its latest evaluation of the catalogue (see
 * {@link #read}). A criterion with neither is "ikke vurderet" and blocks its level as an unanswered
 * mandatory criterion does.
 */
@Component
class ImpactPreview {

  static final String UNASSESSED = "ikke vurderet";

  /** One product's indicative level under both versions, and what makes them differ. */
  record ProductImpact(String productId, String productName, String level, String basis, String levelInForce,
      String levelProposed, boolean changes, List<String> causes, List<String> unassessed) {}

  /** Every active product's row, and those whose indicative level would change. */
  record Impact(int activeProducts, List<ProductImpact> products, List<ProductImpact> changing) {

    Impact(int activeProducts, List<ProductImpact> products) {
      this(activeProducts, products, products.stream().filter(ProductImpact::changes).toList());
    }

    /** A short Danish summary for the forms (Markdown). */
    String summary() {
      List<ProductImpact> changing = changing();
      StringBuilder text = new StringBuilder();
      text.append(activeProducts).append(activeProducts == 1 ? " aktivt produkt" : " aktive produkter").append("; ")
          .append(changing.isEmpty() ? "intet produkt får et andet vejledende niveau."
              : changing.size() + (changing.size() == 1 ? " produkt ville få" : " produkter ville få")
                  + " et andet vejledende niveau:");
      for (ProductImpact p : changing) {
        text.append("\n- ").append(p.productName()).append(": ").append(p.levelInForce()).append(" → ")
            .append(p.levelProposed()).append(" (").append(String.join("; ", p.causes())).append(')');
      }
      return text.toString();
    }
  }

  private final Portfolio portfolio;
  private final Evaluations evaluations;
  private final SelfAssessmentStore selfAssessments;

  ImpactPreview(Portfolio portfolio, Evaluations evaluations, SelfAssessmentStore selfAssessments) {
    this.portfolio = portfolio;
    this.evaluations = evaluations;
    this.selfAssessments = selfAssessments;
  }

  Impact of(Catalogue inForce, Catalogue proposed) {
    List<ProductImpact> rows = new ArrayList<>();
    List<Product> active = portfolio.products().stream().filter(p -> p.status() == ProductStatus.ACTIVE)
        .sorted(Comparator.comparing(Product::name, String.CASE_INSENSITIVE_ORDER)).toList();
    for (Product product : active) {
      rows.add(impact(product, inForce, proposed));
    }
    return new Impact(active.size(), rows);
  }

  private ProductImpact impact(Product product, Catalogue inForce, Catalogue proposed) {
    Map<String, Object> answers = new HashMap<>();
    Set<String> known = new LinkedHashSet<>();
    List<String> basis = new ArrayList<>();
    Optional<SelfAssessmentStore.Stored> self = selfAssessments.latest(product.id())
        .filter(s -> s.catalogueId().equals(proposed.id()));
    self.ifPresent(s -> {
      basis.add("selvevaluering " + (s.filledDate() == null ? "" : s.filledDate()).trim());
      s.answers().values().forEach(a -> Answer.fromLabel(a.answer()).ifPresent(answer -> {
        put(answers, a.criterionId(), answer.label(), null);
        known.add(a.criterionId());
      }));
    });
    Optional<EvaluationDetails> latest = evaluations.forProduct(product.id()).stream()
        .filter(e -> e.catalogue() != null && proposed.id().equals(e.catalogue().id())).findFirst();
    latest.ifPresent(e -> {
      basis.add("evaluering " + (e.evaluatedOn() == null ? "" : MeetingDate.danish(e.evaluatedOn())));
      for (EvaluationDetails.Theme theme : e.themes()) {
        for (EvaluationDetails.Item item : theme.items()) {
          if (read(answers, item)) {
            known.add(item.criterionId());
          }
        }
      }
    });
    String top = proposed.levels().get(proposed.levels().size() - 1).id();
    SelfAssessmentCheck.Result now = inForce == null ? null
        : SelfAssessmentCheck.check(inForce, inForce.levels().get(inForce.levels().size() - 1).id(), answers);
    SelfAssessmentCheck.Result then = SelfAssessmentCheck.check(proposed, top, answers);
    String levelNow = now == null ? "intet" : level(now.indicativeLevel());
    String levelThen = level(then.indicativeLevel());
    boolean changes = !Objects.equals(levelNow, levelThen);
    List<String> causes = changes ? causes(inForce, proposed, now, then) : List.of();
    List<String> unassessed = proposed.criteria().stream().map(Criterion::id).filter(id -> !known.contains(id))
        .toList();
    return new ProductImpact(product.id(), product.name(), product.level(),
        basis.isEmpty() ? "ingen evaluering eller selvevaluering" : String.join(" og ", basis),
        levelNow, levelThen, changes, causes, unassessed);
  }

  /**
   * One criterion of the latest evaluation as an answer the check can read again under other rules:
   * green is met and red is not; yellow is a documented deviation where the evaluation says so (or a
   * reviewer gave it without the product's answer), else the product's own answer (a recommendation
   * answered "Nej" is yellow today and a gap once it becomes mandatory); grey leaves the product's own
   * answer, if any. Returns whether the criterion has an answer.
   */
  private static boolean read(Map<String, Object> answers, EvaluationDetails.Item item) {
    String id = item.criterionId();
    Optional<Answer> own = Optional.ofNullable(item.selfAnswer()).flatMap(Answer::fromLabel);
    String light = item.light() == null ? "GREY" : item.light();
    switch (light) {
      case "GREEN" -> put(answers, id, Answer.JA.label(), null);
      case "RED" -> put(answers, id, own.filter(a -> a != Answer.JA).orElse(Answer.NEJ).label(), null);
      case "YELLOW" -> {
        String rationale = item.rationale() == null ? "" : item.rationale();
        if (own.isEmpty() || rationale.toLowerCase().contains("afvigelse")) {
          put(answers, id, own.filter(a -> a != Answer.JA).orElse(Answer.NEJ).label(),
              rationale.isBlank() ? "gul i seneste evaluering" : rationale);
        } else {
          put(answers, id, own.get().label(), null);
        }
      }
      default -> {
        if (own.isEmpty()) {
          return answers.containsKey(answerVariable(id));
        }
        put(answers, id, own.get().label(), null);
      }
    }
    return true;
  }

  private static String answerVariable(String criterionId) {
    return "sa_" + criterionId.replaceAll("[^A-Za-z0-9]", "_") + "_answer";
  }

  private static void put(Map<String, Object> answers, String criterionId, String answer, String deviation) {
    String prefix = "sa_" + criterionId.replaceAll("[^A-Za-z0-9]", "_");
    answers.put(prefix + "_answer", answer);
    if (deviation != null) {
      answers.put(prefix + "_deviation", deviation);
    } else {
      answers.remove(prefix + "_deviation");
    }
  }

  private static String level(String indicative) {
    return indicative == null ? "intet" : indicative;
  }

  /**
   * The criteria that make the levels differ: a gap under one version that is not one under the
   * other, at the levels up to the first level blocked under either.
   */
  private static List<String> causes(Catalogue inForce, Catalogue proposed, SelfAssessmentCheck.Result now,
      SelfAssessmentCheck.Result then) {
    Map<String, SelfAssessmentCheck.Finding> gapsNow = now == null ? Map.of()
        : now.gaps().stream().collect(Collectors.toMap(SelfAssessmentCheck.Finding::criterionId, f -> f, (a, b) -> a));
    Map<String, SelfAssessmentCheck.Finding> gapsThen = then.gaps().stream()
        .collect(Collectors.toMap(SelfAssessmentCheck.Finding::criterionId, f -> f, (a, b) -> a));
    int limit = Math.max(firstBlocked(proposed, then), inForce == null || now == null ? -1 : firstBlocked(inForce, now));
    List<String> causes = new ArrayList<>();
    for (SelfAssessmentCheck.Finding gap : then.gaps()) {
      if (!gapsNow.containsKey(gap.criterionId()) && proposed.rank(gap.level()) <= limit) {
        causes.add(gap.criterionId() + " (" + gap.title() + "): " + describe(gap.problem()));
      }
    }
    if (now != null) {
      for (SelfAssessmentCheck.Finding gap : now.gaps()) {
        if (!gapsThen.containsKey(gap.criterionId()) && inForce.rank(gap.level()) <= limit) {
          causes.add(gap.criterionId() + " (" + gap.title() + "): blokerer ikke længere");
        }
      }
    }
    return causes;
  }

  private static int firstBlocked(Catalogue catalogue, SelfAssessmentCheck.Result result) {
    return result.indicativeLevel() == null ? 0 : catalogue.rank(result.indicativeLevel()) + 1;
  }

  private static String describe(String problem) {
    return "ikke besvaret".equals(problem) ? UNASSESSED : problem;
  }
}
