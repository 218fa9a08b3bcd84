/**
 * Product groups, structural checks, level changes with handover, the annual cycle, the product page.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Levels", allowedDependencies = {"criteria", "deviation", "evaluation", "identity", "integrity", "portfolio", "process", "submission"})
package dk.os2.governance.levels;

import org.springframework.modulith.ApplicationModule;
