package dk.os2.governance.process;

import java.time.Duration;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of the user tasks of all three processes, from configuration ({@code os2.due.*},
 * ISO-8601 durations such as {@code P14D}), counted from now by the engine's clock
 * ({@link ProcessClock}). The models call them by the bean name, as {@code ${dueDates.supplement()}}:
 *
 * <ul>
 *   <li>{@code screening}: the proposal's screening ({@code UserTask_ScreenProposal});
 *   <li>{@code supplement}: the proposer's supplement and the steering group's revision and
 *       self-assessments ({@code UserTask_SupplementProposal}, {@code UserTask_ReviseApplication},
 *       {@code UserTask_UpdateSelfAssessment}, {@code UserTask_UpdateAnnualSelfAssessment});
 *   <li>{@code recommendation}: recommendations and reviews before the board decides
 *       ({@code UserTask_RecommendProposal}, {@code UserTask_RecommendLevelChange},
 *       {@code UserTask_ReviewHandover}, {@code UserTask_ReviewBySecretariat},
 *       {@code UserTask_ReviewOperations});
 *   <li>{@code boardDecision}: the board's decision in each process ({@code UserTask_DecideProposal},
 *       {@code UserTask_DecideLevelChange}, {@code UserTask_DecideAnnual});
 *   <li>{@code acknowledgement}: the proposer's acknowledgement of the outcome
 *       ({@code UserTask_AcknowledgeOutcome}).
 * </ul>
 */
@Component("dueDates")
@ConfigurationProperties("os2.due")
public class DueDates {

  private Duration screening = Duration.ofDays(10);
  private Duration supplement = Duration.ofDays(14);
  private Duration recommendation = Duration.ofDays(21);
  private Duration boardDecision = Duration.ofDays(30);
  private Duration acknowledgement = Duration.ofDays(14);

  public Date screening() {
    return after(screening);
  }

  public Date supplement() {
    return after(supplement);
  }

  public Date recommendation() {
    return after(recommendation);
  }

  public Date boardDecision() {
    return after(boardDecision);
  }

  public Date acknowledgement() {
    return after(acknowledgement);
  }

  private static Date after(Duration duration) {
    return Date.from(ProcessClock.now().plus(duration));
  }

  public void setScreening(Duration screening) {
    this.screening = screening;
  }

  public void setSupplement(Duration supplement) {
    this.supplement = supplement;
  }

  public void setRecommendation(Duration recommendation) {
    this.recommendation = recommendation;
  }

  public void setBoardDecision(Duration boardDecision) {
    this.boardDecision = boardDecision;
  }

  public void setAcknowledgement(Duration acknowledgement) {
    this.acknowledgement = acknowledgement;
  }
}
