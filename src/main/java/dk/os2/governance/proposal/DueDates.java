package dk.os2.governance.proposal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of the proposal's tasks, from configuration ({@code os2.due.*}, ISO-8601 durations
 * such as {@code P14D}); the BPMN model calls these as {@code ${dueDates.screening()}}.
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
    // ClockUtil, not Instant.now(): process tests move the engine's clock.
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return Date.from(now.plus(duration));
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
