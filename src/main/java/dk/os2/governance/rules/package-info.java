/**
 * Rule changes (DOMAIN process 5): a proposed catalogue version goes through the criteria-change
 * process (the committees recommend, the board decides); its diff against the version in force and
 * its impact on every active product's indicative level are shown to every body; an approved version
 * is published with its effective date and the decision that approved it.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Rule changes",
    allowedDependencies = {"criteria", "evaluation", "portfolio", "identity", "submission", "process", "integrity"})
package dk.os2.governance.rules;

import org.springframework.modulith.ApplicationModule;
