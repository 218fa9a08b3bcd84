/**
 * The register of products and governance decisions; publishes DecisionRecorded.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Portfolio", allowedDependencies = {"identity", "integrity", "process", "submission"})
package dk.os2.governance.portfolio;

import org.springframework.modulith.ApplicationModule;
