/**
 * Meetings of the board and the general assembly as a process: planning, the agenda that assembles
 * itself and goes out by mail with a calendar invitation, the minutes that carry each decision back
 * to the process waiting for it, and the minutes document (page and PDF).
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Meeting",
    allowedDependencies = {"board", "identity", "portfolio", "process", "submission"})
package dk.os2.governance.meeting;

import org.springframework.modulith.ApplicationModule;
