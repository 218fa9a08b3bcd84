package dk.os2.governance.levels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The cycle per level as an operator configures it: OS2's practice by default, each level
 * overridable, and the governance model's floor (N3 at least once a year) held at start-up.
 */
class EvaluationCyclesConfigTests {

  @Configuration
  @EnableConfigurationProperties(EvaluationCycles.class)
  static class Cycles {}

  final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Cycles.class);

  @Test
  void withoutConfigurationEveryLevelIsEvaluatedTwiceAYear() {
    context.run(c -> {
      EvaluationCycles cycles = c.getBean(EvaluationCycles.class);
      assertThat(cycles.period("N1")).isEqualTo(Period.ofMonths(6));
      assertThat(cycles.period("N2")).isEqualTo(Period.ofMonths(6));
      assertThat(cycles.period("N3")).isEqualTo(Period.ofMonths(6));
      assertThat(cycles.period(null)).as("the sandbox follows N1").isEqualTo(Period.ofMonths(6));
      assertThat(cycles.leadTime()).isEqualTo(Period.ofMonths(1));
      assertThat("evaluering hver " + EvaluationCycles.everyDanish(cycles.period("N2")))
          .as("as the level-change confirmation tells it").isEqualTo("evaluering hver 6. måned");
    });
  }

  @Test
  void eachLevelsCycleIsConfigured() {
    context.withPropertyValues("os2.evaluation.cycle.n1=P2Y", "os2.evaluation.cycle.n2=P1Y",
        "os2.evaluation.cycle.n3=P3M", "os2.evaluation.lead-time=P14D").run(c -> {
          EvaluationCycles cycles = c.getBean(EvaluationCycles.class);
          assertThat(cycles.period("N1")).isEqualTo(Period.ofYears(2));
          assertThat(cycles.period("N2")).isEqualTo(Period.ofYears(1));
          assertThat(cycles.period("N3")).isEqualTo(Period.ofMonths(3));
          assertThat(cycles.leadTime()).isEqualTo(Period.ofDays(14));
        });
  }

  @Test
  void anN3CycleOfAYearIsTheLongestAllowed() {
    context.withPropertyValues("os2.evaluation.cycle.n3=P12M")
        .run(c -> assertThat(c.getBean(EvaluationCycles.class).period("N3")).isEqualTo(Period.ofMonths(12)));
  }

  @Test
  void anN3CycleLongerThanAYearIsRefusedAtStartUp() {
    context.withPropertyValues("os2.evaluation.cycle.n3=P13M").run(c -> {
      assertThat(c).hasFailed();
      assertThat(c.getStartupFailure()).rootCause()
          .hasMessageContaining("os2.evaluation.cycle.n3 is P13M")
          .hasMessageContaining("at least once a year");
    });
  }

  @Test
  void aCycleOfNothingIsRefusedAtStartUp() {
    context.withPropertyValues("os2.evaluation.cycle.n1=P0D")
        .run(c -> assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("must be a positive period"));
  }
}
