package dk.os2.governance.statutes;

import dk.os2.governance.submission.Submission;
import dk.os2.governance.submission.SubmissionRule;
import java.util.List;
import org.springframework.stereotype.Component;

/** The general assembly's form: date, votes, quorum and an outcome that agrees with the majority rule. */
@Component
class StatutesRules implements SubmissionRule {

  static final String ASSEMBLY_FORM = "statutes-decide";

  @Override
  public boolean appliesTo(String formId) {
    return ASSEMBLY_FORM.equals(formId);
  }

  @Override
  public List<String> check(Submission s) {
    DocumentKind kind = DocumentKind.byName(s.processVariables().get("documentKind")).orElse(DocumentKind.STATUTES);
    return GeneralAssemblyVote.problems(kind, s.values()::get);
  }
}
