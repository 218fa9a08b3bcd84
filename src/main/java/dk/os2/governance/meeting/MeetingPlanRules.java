package dk.os2.governance.meeting;

import dk.os2.governance.submission.Submission;
import dk.os2.governance.submission.SubmissionRule;
import java.util.List;
import org.springframework.stereotype.Component;

/** The meeting plan's start form, checked on the server whatever route submits it. */
@Component
class MeetingPlanRules implements SubmissionRule {

  @Override
  public boolean appliesTo(String formId) {
    return Meetings.PLAN_FORM.equals(formId);
  }

  @Override
  public List<String> check(Submission submission) {
    return Meetings.planProblems(submission.text("meetingBody"), submission.text("plannedDate"),
        submission.text("plannedTime"), submission.text("meetingPlace"));
  }
}
