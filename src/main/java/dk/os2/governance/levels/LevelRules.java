package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.criteria.SelfAssessmentAnswers;
import dk.os2.governance.submission.MeetingDate;
import dk.os2.governance.submission.Submission;
import dk.os2.governance.submission.SubmissionRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dk.os2.governance.identity.Access;
import dk.os2.governance.process.ProcessClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The rules of the level-change and annual-evaluation forms that span fields or the process. */
@Component
class LevelRules implements SubmissionRule {

  private static final Set<String> FORMS = Set.of("level-self-assessment", "decide-level-change", "decide-annual");

  private final Catalogue catalogue;
  private final CatalogueVersions versions;
  private final RuntimeService runtime;
  private final IdentityService identity;

  LevelRules(Catalogue catalogue, CatalogueVersions versions, RuntimeService runtime, IdentityService identity) {
    this.catalogue = catalogue;
    this.versions = versions;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public boolean appliesTo(String formId) {
    return FORMS.contains(formId);
  }

  @Override
  public List<String> check(Submission s) {
    return switch (s.formId()) {
      case "level-self-assessment" -> selfAssessment(s);
      case "decide-level-change" -> levelDecision(s);
      case "decide-annual" -> annualDecision(s);
      default -> List.of();
    };
  }

  private List<String> selfAssessment(Submission s) {
    Object level = s.processVariables().get("requestedLevel");
    // The answers the process's own catalogue version asks for (its form was generated from it).
    Catalogue followed = versions.forProcess(s.processVariables());
    if (!(level instanceof String l) || !followed.hasLevel(l)) {
      return List.of("Processen kender ikke det niveau, der skal evalueres.");
    }
    return SelfAssessmentAnswers.problems(followed, l, s::text);
  }

  private List<String> levelDecision(Submission s) {
    List<String> errors = new ArrayList<>(MeetingDate.problems(s.text("meetingDate")));
    String decision = s.text("levelDecision");
    Object recommendation = s.processVariables().get("levelRecommendation");
    boolean differs = ("approve".equals(decision) && !"recommend".equals(recommendation))
        || ("reject".equals(decision) && "recommend".equals(recommendation))
        || ("approve".equals(decision) && Boolean.FALSE.equals(s.processVariables().get("levelCheckPassed")));
    if (differs && s.text("levelDecisionJustification") == null) {
      errors.add("Beslutningen afviger fra Forretningsudvalgets indstilling eller fra kontrollen. "
          + "Skriv en begrundelse for afvigelsen.");
    }
    return errors;
  }

  private List<String> annualDecision(Submission s) {
    List<String> errors = new ArrayList<>(MeetingDate.problems(s.text("meetingDate")));
    String decision = s.text("annualDecision");
    if ("action".equals(decision)) {
      if (s.text("actionPlan") == null) {
        errors.add("Beskriv handlingsplanen.");
      }
      LocalDate followUp = MeetingDate.parse(s.text("followUpDate"));
      if (followUp == null || !followUp.isAfter(ProcessClock.today())) {
        errors.add("Vælg en opfølgningsdato i fremtiden.");
      }
    }
    if ("demote".equals(decision)) {
      String to = s.text("demoteTo");
      Object current = s.processVariables().get("currentLevel");
      if (to == null || !catalogue.hasLevel(to) || !(current instanceof String c) || !catalogue.hasLevel(c)
          || catalogue.rank(to) >= catalogue.rank(c)) {
        errors.add("Vælg et niveau under produktets nuværende niveau (" + current + ").");
      }
      Object product = s.processVariables().get("productId");
      if (product instanceof String id && Access.asSystem(identity, () -> runtime.createProcessInstanceQuery()
          .processDefinitionKey(LevelChanges.LEVEL_CHANGE).processInstanceBusinessKey(id).active().count()) > 0) {
        errors.add("Der er allerede en niveauændring i gang for produktet; afslut den, før en nedjustering besluttes.");
      }
    }
    return errors;
  }
}
