package dk.os2.governance.levels;

import dk.os2.governance.criteria.Answer;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.submission.Submission;
import dk.os2.governance.submission.SubmissionRule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The rules of the level-change and annual-evaluation forms that span fields or the process. */
@Component
class LevelRules implements SubmissionRule {

  private static final Set<String> FORMS = Set.of("level-self-assessment", "decide-level-change", "decide-annual");

  private final Catalogue catalogue;

  LevelRules(Catalogue catalogue) {
    this.catalogue = catalogue;
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
    List<String> errors = new ArrayList<>();
    Object level = s.processVariables().get("requestedLevel");
    if (!(level instanceof String l) || !catalogue.hasLevel(l)) {
      return List.of("Processen kender ikke det niveau, der skal evalueres.");
    }
    for (Criterion c : catalogue.criteriaUpTo(l)) {
      String answer = s.text(c.answerVariable());
      if (answer == null) {
        errors.add("Svar på " + c.id() + " (" + c.title() + ") skal udfyldes.");
      } else if (c.deviationAllowed() && Answer.fromLabel(answer).orElse(Answer.JA) != Answer.JA
          && s.text(c.deviationVariable()) == null) {
        errors.add("Beskriv den dokumenterede afvigelse for " + c.id() + ", når svaret er '" + answer + "'.");
      }
    }
    return errors;
  }

  private List<String> levelDecision(Submission s) {
    List<String> errors = new ArrayList<>(meetingInThePast(s));
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
    List<String> errors = new ArrayList<>(meetingInThePast(s));
    String decision = s.text("annualDecision");
    if ("action".equals(decision)) {
      if (s.text("actionPlan") == null) {
        errors.add("Beskriv handlingsplanen.");
      }
      LocalDate followUp = date(s.text("followUpDate"));
      if (followUp == null || !followUp.isAfter(today())) {
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
    }
    return errors;
  }

  private static List<String> meetingInThePast(Submission s) {
    LocalDate meeting = date(s.text("meetingDate"));
    if (meeting == null) {
      return List.of("Bestyrelsesmødets dato skal være en dato som ÅÅÅÅ-MM-DD.");
    }
    return meeting.isAfter(today()) ? List.of("Bestyrelsesmødets dato kan ikke ligge i fremtiden.") : List.of();
  }

  private static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
