package dk.os2.governance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules are the direct subpackages of {@code dk.os2.governance}. No two
 * modules depend on each other in a cycle, and a module uses another only through the types in that
 * module's base package (sub-packages are internal unless exposed as a named interface).
 *
 * <p>The second test regenerates the module documentation kept in {@code docs/modules}: the C4
 * component diagram of all modules, one diagram and one canvas per module. It never fails on a
 * difference; commit the regenerated files with the change that alters them.
 */
class ModulesTests {

  static final ApplicationModules MODULES = ApplicationModules.of(Os2GovernanceApplication.class);

  static final String DOCUMENTATION = "docs/modules";

  @Test
  void modulesHaveNoCyclesAndUseEachOtherOnlyThroughTheirBasePackages() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION))
        .writeDocumentation();
    sortRelationships();
  }

  /**
   * The diagrams list their components and relationships in no fixed order; each run of them
   * sorted, an unchanged structure regenerates unchanged files.
   */
  private static void sortRelationships() throws IOException {
    List<Path> diagrams;
    try (Stream<Path> files = Files.list(Path.of(DOCUMENTATION))) {
      diagrams = files.filter(file -> file.toString().endsWith(".puml")).toList();
    }
    for (Path diagram : diagrams) {
      List<String> lines = Files.readAllLines(diagram);
      List<String> sorted = new ArrayList<>();
      List<String> run = new ArrayList<>();
      for (String line : lines) {
        String code = line.strip();
        if (code.startsWith("Rel(") || code.startsWith("Component(")) {
          run.add(line);
          continue;
        }
        run.sort(null);
        sorted.addAll(run);
        run.clear();
        sorted.add(line);
      }
      run.sort(null);
      sorted.addAll(run);
      Files.write(diagram, sorted);
    }
  }
}
