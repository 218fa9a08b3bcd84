package dk.os2.governance.levels;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a product is evaluated, per level ({@code os2.evaluation.cycle.n1/n2/n3}, ISO-8601
 * periods), and how long before its due date an evaluation begins ({@code os2.evaluation.lead-time}).
 * The default is OS2's practice: every active product twice a year. The seed's rule is the floor:
 * an N3 product is evaluated at least once a year, so a longer N3 cycle stops the application at
 * start-up. A product without a level (the sandbox) follows the N1 cycle.
 */
@ConfigurationProperties("os2.evaluation")
public record EvaluationCycles(Map<String, Period> cycle, @DefaultValue("P1M") Period leadTime) {

  static final Period DEFAULT = Period.ofMonths(6);
  static final Period N3_FLOOR = Period.ofYears(1);
  private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

  public EvaluationCycles {
    cycle = cycle == null ? Map.of() : Map.copyOf(cycle);
    for (Map.Entry<String, Period> entry : cycle.entrySet()) {
      if (!longer(entry.getValue(), Period.ZERO)) {
        throw new IllegalStateException("os2.evaluation.cycle." + entry.getKey() + " must be a positive period, not "
            + entry.getValue() + ".");
      }
    }
    Period n3 = cycle.getOrDefault("n3", DEFAULT);
    if (longer(n3, N3_FLOOR)) {
      throw new IllegalStateException("os2.evaluation.cycle.n3 is " + n3 + ", but an N3 product must be evaluated "
          + "at least once a year (the governance model's rule): configure P1Y or less.");
    }
    if (leadTime.isNegative()) {
      throw new IllegalStateException("os2.evaluation.lead-time must not be negative, not " + leadTime + ".");
    }
  }

  /** The cycle of a product at the level ({@code null}: no level, the N1 cycle). */
  public Period period(String level) {
    String key = level == null ? "n1" : level.toLowerCase(Locale.ROOT);
    return cycle.getOrDefault(key, DEFAULT);
  }

  /** A period as a Danish reader says it: "6. måned", "12. måned", "14. dag". */
  public static String everyDanish(Period period) {
    if (period.getDays() == 0 && period.toTotalMonths() > 0) {
      return period.toTotalMonths() == 1 ? "måned" : period.toTotalMonths() + ". måned";
    }
    long days = REFERENCE.plus(period).toEpochDay() - REFERENCE.toEpochDay();
    return days == 1 ? "dag" : days + ". dag";
  }

  private static boolean longer(Period a, Period b) {
    return REFERENCE.plus(a).isAfter(REFERENCE.plus(b));
  }
}
