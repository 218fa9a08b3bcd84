package dk.os2.governance.submission;

import java.util.List;

/**
 * A domain rule over a form's submission, beyond what the form itself declares: rules that
 * depend on other fields or on the process. Messages are Danish and speak to the submitter.
 */
public interface SubmissionRule {

  boolean appliesTo(String formId);

  List<String> check(Submission submission);
}
