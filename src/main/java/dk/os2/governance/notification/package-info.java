/**
 * The mail outbox, the sending job, reminders and escalations, the outbox page.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"deviation", "identity", "meeting", "portfolio", "process", "rules", "statutes"})
package dk.os2.governance.notification;

import org.springframework.modulith.ApplicationModule;
