/**
 * What every process shares: the engine's clock and the tasks' due dates.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Process", allowedDependencies = {})
package dk.os2.governance.process;

import org.springframework.modulith.ApplicationModule;
