/**
 * Login, the URL firewall, the engine operation guard, CSRF, headers, limits and Danish errors.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"identity", "submission"})
package dk.os2.governance.security;

import org.springframework.modulith.ApplicationModule;
