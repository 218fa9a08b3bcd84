/**
 * Evaluations and their results, report pages, imports of self-assessments and published reports.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Evaluation", allowedDependencies = {"criteria", "identity", "portfolio", "process"})
package dk.os2.governance.evaluation;

import org.springframework.modulith.ApplicationModule;
