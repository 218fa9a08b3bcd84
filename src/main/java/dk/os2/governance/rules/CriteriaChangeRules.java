package dk.os2.governance.rules;

import dk.os2.governance.submission.MeetingDate;
import dk.os2.governance.submission.Submission;
import dk.os2.governance.submission.SubmissionRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The criteria-change forms' rules beyond their fields: the board's dates, and why work goes back. */
@Component
class CriteriaChangeRules implements SubmissionRule {

  private final Succession succession;

  CriteriaChangeRules(Succession succession) {
    this.succession = succession;
  }

  static final String DECIDE = "decide-criteria-change";
  static final String REVISE = "revise-criteria-change";
  private static final Set<String> FORMS = Set.of("recommend-product-criteria", "recommend-operations-criteria",
      DECIDE, REVISE);

  @Override
  public boolean appliesTo(String formId) {
    return FORMS.contains(formId);
  }

  @Override
  public List<String> check(Submission s) {
    return switch (s.formId()) {
      case DECIDE -> decision(s);
      case REVISE -> "resubmit".equals(s.text("revisionDecision")) || s.text("revisionComment") != null ? List.of()
          : List.of("Skriv i «Kommentar», hvorfor ændringen trækkes tilbage.");
      default -> List.of();
    };
  }

  private List<String> decision(Submission s) {
    List<String> errors = new ArrayList<>(MeetingDate.problems(s.text("meetingDate")));
    String effective = s.text("effectiveDate");
    if ("approve".equals(s.text("criteriaDecision"))) {
      if (effective == null) {
        errors.add("Ikrafttrædelsesdato skal udfyldes som dd-mm-åååå, fx 01-01-2027, når ændringen godkendes.");
      } else {
        List<String> format = MeetingDate.formatProblems("Ikrafttrædelsesdato", effective);
        errors.addAll(format);
        LocalDate meeting = errors.isEmpty() ? MeetingDate.parse(s.text("meetingDate")) : null;
        if (format.isEmpty() && meeting != null && MeetingDate.parse(effective).isBefore(meeting)) {
          errors.add("Ikrafttrædelsesdato kan ikke ligge før bestyrelsesmødet (" + MeetingDate.danish(meeting) + ").");
        }
      }
    } else if (effective != null) {
      errors.add("Ikrafttrædelsesdato udfyldes kun, når ændringen godkendes.");
    }
    if ("approve".equals(s.text("criteriaDecision")) && errors.isEmpty()) {
      // The change's identity and the version it was computed against are the system's protected variables.
      Object catalogueId = s.processVariables().get("catalogueId");
      Object version = s.processVariables().get("proposedVersion");
      if (catalogueId != null && version != null) {
        Object base = s.processVariables().get("baseVersion");
        errors.addAll(succession.approvalProblems(catalogueId.toString(), version.toString(),
            base == null ? "" : base.toString(), MeetingDate.parse(effective)));
      }
    }
    return errors;
  }
}
