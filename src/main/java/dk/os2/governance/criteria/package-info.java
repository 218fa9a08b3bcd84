/**
 * Criteria catalogues as versioned data, the self-assessment check against a catalogue.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Criteria", allowedDependencies = {"identity", "process"})
package dk.os2.governance.criteria;

import org.springframework.modulith.ApplicationModule;
