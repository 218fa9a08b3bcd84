/**
 * The project proposal process: registration, the self-assessment check, the board's decision.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Proposal", allowedDependencies = {"criteria", "deviation", "evaluation", "identity", "integrity", "portfolio", "process", "submission"})
package dk.os2.governance.proposal;

import org.springframework.modulith.ApplicationModule;
