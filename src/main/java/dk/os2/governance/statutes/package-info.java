/**
 * Statutes and licence terms: OS2's statutes (vedtægter) and its standard licence and participation
 * terms as versioned documents, changed only through the process {@code statutes-change} (the
 * secretariat drafts, the board recommends, the general assembly decides), each adopted version
 * published with its line diff and the decision; the pages under {@code /app/vedtaegter}.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Statutes", allowedDependencies = {"identity", "integrity", "process", "submission"})
package dk.os2.governance.statutes;

import org.springframework.modulith.ApplicationModule;
