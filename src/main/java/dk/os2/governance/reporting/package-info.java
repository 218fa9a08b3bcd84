/**
 * What OS2 shows beyond the working pages: the report packs for the board and the general assembly
 * for a period (a printable page and a PDF of the same template), and, when switched on, the public
 * portfolio and the products' level badges.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages. It reads the portfolio,
 * evaluations and catalogues through their modules' APIs and owns no table.
 */
@ApplicationModule(displayName = "Reporting", allowedDependencies = {"criteria", "deviation", "evaluation", "identity", "portfolio", "submission"})
package dk.os2.governance.reporting;

import org.springframework.modulith.ApplicationModule;
