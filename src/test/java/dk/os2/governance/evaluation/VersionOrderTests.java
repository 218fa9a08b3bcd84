package dk.os2.governance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default catalogue for a self-assessment is the highest version, not the one loaded last. */
class VersionOrderTests {

  @Test
  void versionsCompareByTheirNumbers() {
    assertThat(SelfAssessmentImport.compareVersions("0.10", "0.9.2")).isPositive();
    assertThat(SelfAssessmentImport.compareVersions("0.9.2", "0.9.10")).isNegative();
    assertThat(SelfAssessmentImport.compareVersions("1.0", "1.0.0")).isZero();
    assertThat(SelfAssessmentImport.compareVersions("0.7.1", "0.9")).isNegative();
  }
}
