/**
 * The portfolio overview: the paged, filtered and sorted product list ({@code GET /api/products},
 * {@code /app/produkter}), its summary figures and charts, and its CSV and JSON exports. Reads
 * only, through the portfolio's and the evaluation module's APIs.
 *
 * <p>An application module: {@code ModulesTests} verifies that it uses no module but those
 * allowed here, and those only through the types in their base packages.
 */
@ApplicationModule(displayName = "Overview", allowedDependencies = {"criteria", "deviation", "evaluation", "portfolio", "process"})
package dk.os2.governance.overview;

import org.springframework.modulith.ApplicationModule;
