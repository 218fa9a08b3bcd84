/**
 * Process identity from the system's own rows, and the engine guard on identity variables and check results.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Integrity", allowedDependencies = {"process"})
package dk.os2.governance.integrity;

import org.springframework.modulith.ApplicationModule;
