/**
 * The deviation register: documented deviations from criteria, with owner, expiry and reminder;
 * the portfolio-wide page with CSV export, and a product's deviations for its page and API.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Deviation",
    allowedDependencies = {"criteria", "identity", "portfolio", "process", "submission"})
package dk.os2.governance.deviation;

import org.springframework.modulith.ApplicationModule;
