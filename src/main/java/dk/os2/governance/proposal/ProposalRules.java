package dk.os2.governance.proposal;

import static dk.os2.governance.proposal.ProposalVariables.APPROVE;
import static dk.os2.governance.proposal.ProposalVariables.APPROVED_LEVEL;
import static dk.os2.governance.proposal.ProposalVariables.BOARD_DECISION;
import static dk.os2.governance.proposal.ProposalVariables.BOARD_JUSTIFICATION;
import static dk.os2.governance.proposal.ProposalVariables.COMMITTEE_RECOMMENDATION;
import static dk.os2.governance.proposal.ProposalVariables.INDICATIVE_LEVEL;
import static dk.os2.governance.proposal.ProposalVariables.MEETING_DATE;
import static dk.os2.governance.proposal.ProposalVariables.PRODUCT_ID;
import static dk.os2.governance.proposal.ProposalVariables.PRODUCT_NAME;
import static dk.os2.governance.proposal.ProposalVariables.RECOMMEND;
import static dk.os2.governance.proposal.ProposalVariables.RECOMMENDED_LEVEL;
import static dk.os2.governance.proposal.ProposalVariables.REJECT;
import static dk.os2.governance.proposal.ProposalVariables.REQUESTED_LEVEL;
import static dk.os2.governance.proposal.ProposalVariables.RETURN;
import static dk.os2.governance.proposal.ProposalVariables.SCREENING_DECISION;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.criteria.SelfAssessmentAnswers;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.submission.MeetingDate;
import dk.os2.governance.submission.Submission;
import dk.os2.governance.submission.SubmissionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The proposal process's rules that span fields or depend on the process and the portfolio. */
@Component
class ProposalRules implements SubmissionRule {

  private static final Set<String> FORMS = Set.of(
      "proposal-start", "supplement-proposal", "screen-proposal", "recommend-proposal", "decide-proposal");

  private final Catalogue catalogue;
  private final CatalogueVersions versions;
  private final Portfolio portfolio;

  ProposalRules(Catalogue catalogue, CatalogueVersions versions, Portfolio portfolio) {
    this.catalogue = catalogue;
    this.versions = versions;
    this.portfolio = portfolio;
  }

  @Override
  public boolean appliesTo(String formId) {
    return FORMS.contains(formId);
  }

  @Override
  public List<String> check(Submission s) {
    return switch (s.formId()) {
      case "proposal-start", "supplement-proposal" -> proposal(s);
      case "screen-proposal" -> screening(s);
      case "recommend-proposal" -> recommendation(s);
      case "decide-proposal" -> boardDecision(s);
      default -> List.of();
    };
  }

  private List<String> proposal(Submission s) {
    List<String> errors = new ArrayList<>();
    String level = s.text(REQUESTED_LEVEL);
    // The catalogue version of the form: the supplement's, the one the proposal began with; the start's, the one in force.
    Catalogue followed = versions.forProcess(s.processVariables());
    if (level == null || !followed.hasLevel(level)) {
      return List.of("Det ønskede niveau findes ikke.");
    }
    String name = s.text(PRODUCT_NAME);
    if (name != null && portfolio.nameTaken(name, (String) s.processVariables().get(PRODUCT_ID))) {
      errors.add("Der findes allerede et produkt eller forslag med navnet '" + name + "'.");
    }
    errors.addAll(SelfAssessmentAnswers.problems(followed, level, s::text));
    return errors;
  }

  private static List<String> screening(Submission s) {
    if (RETURN.equals(s.text(SCREENING_DECISION)) && s.text("screeningComment") == null) {
      return List.of("Skriv en kommentar til forslagsstilleren om, hvad der mangler.");
    }
    return List.of();
  }

  private List<String> recommendation(Submission s) {
    if (RECOMMEND.equals(s.text(COMMITTEE_RECOMMENDATION)) && !catalogue.hasLevel(s.text(RECOMMENDED_LEVEL))) {
      return List.of("Vælg det niveau, Forretningsudvalget indstiller til.");
    }
    return List.of();
  }

  private List<String> boardDecision(Submission s) {
    List<String> errors = new ArrayList<>();
    String decision = s.text(BOARD_DECISION);
    String level = s.text(APPROVED_LEVEL);
    if (APPROVE.equals(decision) && !catalogue.hasLevel(level)) {
      errors.add("Vælg det niveau, bestyrelsen godkender produktet på.");
      return errors;
    }
    errors.addAll(MeetingDate.problems(s.text(MEETING_DATE)));
    String reason = deviation(s, decision, level);
    if (reason != null && s.text(BOARD_JUSTIFICATION) == null) {
      errors.add("Beslutningen " + reason + ". Skriv en begrundelse for afvigelsen.");
    }
    return errors;
  }

  /** Why a board decision differs from the recommendation or the automated check, or null. */
  String deviation(Submission s, String decision, String level) {
    if (RETURN.equals(decision)) {
      return null;
    }
    String recommendation = (String) s.processVariables().get(COMMITTEE_RECOMMENDATION);
    String recommendedLevel = (String) s.processVariables().get(RECOMMENDED_LEVEL);
    if (APPROVE.equals(decision)) {
      if (!RECOMMEND.equals(recommendation)) {
        return "godkender et forslag, som Forretningsudvalget indstillede til afvisning";
      }
      if (!Objects.equals(level, recommendedLevel)) {
        return "godkender på " + level + ", men Forretningsudvalget indstillede " + recommendedLevel;
      }
      Object indicative = s.processVariables().get(INDICATIVE_LEVEL);
      if (!(indicative instanceof String i) || !catalogue.hasLevel(i) || catalogue.rank(level) > catalogue.rank(i)) {
        return "godkender på " + level + ", over det vejledende niveau fra den automatiske kontrol (" + indicative + ")";
      }
    }
    if (REJECT.equals(decision) && RECOMMEND.equals(recommendation)) {
      return "afviser et forslag, som Forretningsudvalget indstillede til godkendelse";
    }
    return null;
  }
}
