/**
 * The board meeting's agenda: every open board task across processes, N3 products as standing items.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Board", allowedDependencies = {"identity", "portfolio"})
package dk.os2.governance.board;

import org.springframework.modulith.ApplicationModule;
