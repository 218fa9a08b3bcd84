/**
 * Forms from the catalogue: the self-assessment part of the proposal, supplement and level forms
 * generated from a criteria catalogue version, deployed to the engine when a version is published,
 * and the form version each process uses (the catalogue version it began with).
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Forms", allowedDependencies = {"criteria", "identity", "integrity"})
package dk.os2.governance.forms;

import org.springframework.modulith.ApplicationModule;
