/**
 * Server-side validation of every form submission against its Camunda Form.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Submission", allowedDependencies = {"process"})
package dk.os2.governance.submission;

import org.springframework.modulith.ApplicationModule;
