/**
 * The governance bodies as Camunda groups, their authorizations and Tasklist filters, demo users and the first administrator.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {"process"})
package dk.os2.governance.identity;

import org.springframework.modulith.ApplicationModule;
