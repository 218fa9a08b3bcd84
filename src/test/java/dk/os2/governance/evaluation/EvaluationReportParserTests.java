package dk.os2.governance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OS2's published report format and its variants, read without the application: what the import
 * will store (name, template version, date, author, links, summary, recommended level, rows) and
 * every disagreement of a hand-made count table with the rows.
 */
class EvaluationReportParserTests {

  static final String NAME = "OS2kalenderbro";

  static String fixture(String file) {
    return Fixtures.text(file).replace("{{PRODUCT}}", NAME);
  }

  /** Counts per level as the rows give them: green, yellow, red, grey. */
  static Map<String, Tally> byLevel(EvaluationReport report) {
    Map<String, Tally> counts = new LinkedHashMap<>();
    report.rows().forEach(r -> counts.merge(r.level(), Tally.ZERO.plus(r.light()), Tally::plus));
    return counts;
  }

  static final Map<String, Tally> FIXTURE_COUNTS = Map.of(
      "sandkasse", new Tally(6, 1, 0, 0), "1", new Tally(7, 3, 0, 0), "2", new Tally(8, 5, 1, 0),
      "3", new Tally(1, 3, 8, 0));

  static Stream<Arguments> sameReportInEveryForm() {
    String base = fixture("os2-rapport.md");
    return Stream.of(
        Arguments.of("LF with front matter", base),
        Arguments.of("CRLF", base.replace("\n", "\r\n")),
        Arguments.of("BOM and CRLF", "\uFEFF" + base.replace("\n", "\r\n")),
        Arguments.of("no front matter", base.substring(base.indexOf("# Vurdering"))),
        Arguments.of("levels written 'Niveau 2'", base.replaceAll("\\| ([123]) \\|", "| Niveau $1 |")),
        Arguments.of("words for lights", base.replace("| 🟢 |", "| Grøn |").replace("| 🟡 |", "| Gul |")
            .replace("| 🔴 |", "| Rød |")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameReportInEveryForm")
  void publishedReportIsReadWhole(String form, String markdown) {
    EvaluationReport r = EvaluationReportParser.parse(markdown);
    assertThat(r.productName()).isEqualTo(NAME);
    assertThat(r.templateVersion()).isEqualTo("0.9.2");
    assertThat(r.catalogueId()).isNull();
    assertThat(r.date()).isEqualTo(LocalDate.of(2026, 1, 14));
    assertThat(r.author()).isEqualTo("Birthe Bjerregaard");
    assertThat(r.authorEmail()).isEqualTo("birthe.bjerregaard@example.dk");
    assertThat(r.links()).containsExactly(
        new EvaluationReport.Link("Produktets GitHub organisation", "https://github.com/example-kalenderbro"),
        new EvaluationReport.Link("OS2 hjemmeside link", "https://os2.example.dk/kalenderbro"),
        new EvaluationReport.Link("Anvendt Governance Rapport",
            "https://github.com/example-kalenderbro/governance/blob/main/rapport-2025.md"));
    assertThat(r.summary()).startsWith(NAME + " bruges til at booke mødelokaler")
        .contains("Det anbefales, at produktet fastholdes på **niveau 2**").doesNotContain("RELEVANS");
    assertThat(r.statedLevel()).isEqualTo("2");
    assertThat(r.overall()).contains("Der mangler en exit-strategi.");
    assertThat(r.recommendations()).contains("Høj prioritet").contains("Udarbejd en SLA");
    assertThat(r.rows()).hasSize(43);
    assertThat(r.rows().get(0)).usingRecursiveComparison().ignoringFields("line").isEqualTo(new EvaluationReport.Row(
        0, "RELEVANS", "R1", "sandkasse", "Produktet løser et behov, som mindst én kommune har",
        "Vurderes ud fra dokumentation for produktet løser et behov, som mindst én kommune har.", Light.GREEN,
        "Fremgår af repositoriets historik og udgivelser."));
    assertThat(r.rows().stream().map(EvaluationReport.Row::theme).distinct())
        .containsExactly("RELEVANS", "FORMKRAV", "STRATEGISK SAMMENHÆNG", "GOVERNANCE");
    assertThat(byLevel(r)).isEqualTo(FIXTURE_COUNTS);
    assertThat(r.warnings()).as("its own count tables agree with its rows").isEmpty();
  }

  @Test
  void frontMatterIsKept() {
    EvaluationReport r = EvaluationReportParser.parse(fixture("os2-rapport.md"));
    assertThat(r.frontMatter()).containsEntry("title", "Vurdering af " + NAME).containsEntry("layout", "default")
        .containsEntry("parent", "Evalueringer");
  }

  @Test
  void olderLayoutWithPaddedTablesAlignmentColonsWordsAndBracketedDate() {
    EvaluationReport r = EvaluationReportParser.parse(fixture("os2-rapport-ord.md"));
    assertThat(r.frontMatter()).isEmpty();
    assertThat(r.productName()).isEqualTo(NAME);
    assertThat(r.templateVersion()).isEqualTo("0.9.2");
    assertThat(r.date()).as("'Dato for release: [03-02-2026]'").isEqualTo(LocalDate.of(2026, 2, 3));
    assertThat(r.author()).isEqualTo("Mikkel Mørch");
    assertThat(r.authorEmail()).isEqualTo("mikkel.morch@example.dk");
    assertThat(r.links()).extracting(EvaluationReport.Link::label).containsExactly("GitHub organisation", "OS2 website link");
    assertThat(r.statedLevel()).isEqualTo("2");
    assertThat(r.rows()).hasSize(43);
    assertThat(r.rows().get(3).level()).as("'Niveau 1'").isEqualTo("1");
    assertThat(r.rows().get(3).light()).as("'Gul'").isEqualTo(Light.YELLOW);
    assertThat(byLevel(r)).isEqualTo(FIXTURE_COUNTS);
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void everyDisagreementOfAHandMadeCountIsAWarningNamingTableRowAndBothNumbers() {
    EvaluationReport r = EvaluationReportParser.parse(fixture("os2-rapport-uenige-tabeller.md"));
    assertThat(byLevel(r)).as("the rows count, not the tables").isEqualTo(FIXTURE_COUNTS);
    assertThat(r.warnings()).containsExactly(
        "Linje 100: optællingen pr. niveau, rækken «Niveau 2»: rapporten siger 🟢 9 🟡 5 🔴 1 i alt 15, "
            + "men kriterierækkerne giver 🟢 8 🟡 5 🔴 1 i alt 14.",
        "Linje 102: optællingen pr. niveau, rækken «Samlet»: rapporten siger 🟢 22 🟡 12 🔴 9 i alt 42, "
            + "men kriterierækkerne giver 🟢 22 🟡 12 🔴 9 i alt 43.",
        "Linje 107: tabellen tema × niveau, rækken «Formkrav», kolonnen «Total»: rapporten siger 🟢 8 🟡 3 🔴 2, "
            + "men kriterierækkerne giver 🟢 8 🟡 4 🔴 2.",
        "Linje 109: tabellen tema × niveau, rækken «Governance», kolonnen «Niveau 3»: rapporten siger 🟢 1 🟡 0 🔴 2, "
            + "men kriterierækkerne giver 🟢 1 🟡 0 🔴 3.",
        "Linje 110: tabellen tema × niveau, rækken «Samlet», kolonnen «Niveau 2»: rapporten siger 🟢 8 🟡 4 🔴 1, "
            + "men kriterierækkerne giver 🟢 8 🟡 5 🔴 1.");
  }

  @Test
  void theApplicationsEarlierFormatStillReads() {
    EvaluationReport r = EvaluationReportParser.parse(Fixtures.report(NAME, "0.9.2"));
    assertThat(r.productName()).isEqualTo(NAME);
    assertThat(r.templateVersion()).isEqualTo("0.9.2");
    assertThat(r.date()).isEqualTo(LocalDate.of(2025, 9, 5));
    assertThat(r.author()).isEqualTo("Sekretariatet");
    assertThat(r.statedLevel()).isEqualTo("1");
    assertThat(r.rows()).hasSize(42);
    assertThat(r.warnings()).containsExactly("Linje 80: optællingen pr. niveau, rækken «2»: rapporten siger "
        + "🟢 13 🟡 1 🔴 1, men kriterierækkerne giver 🟢 12 🟡 1 🔴 1.");
  }

  static Stream<Arguments> recommendations() {
    return Stream.of(
        Arguments.of("Det anbefales, at produktet **sænkes til niveau 1**, men at der arbejdes mod niveau 2.", "1"),
        Arguments.of("Produktet står svagt på niveau 2. Det anbefales at fastholde placeringen på niveau 1.", "1"),
        Arguments.of("Det anbefales at løfte produktet fra niveau 1 til niveau 2.", "2"),
        Arguments.of("Produktet fastholdes på **niveau 3**.", "3"),
        Arguments.of("Det anbefales, at produktet placeres på **N2**.", "N2"),
        Arguments.of("Det anbefales, at produktet bliver i sandkassen.", "sandkasse"),
        Arguments.of("Produktet drøftes på næste møde.", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recommendations")
  void theRecommendedLevelIsTakenFromTheSentenceThatRecommends(String summary, String level) {
    assertThat(EvaluationReportParser.recommended(summary)).isEqualTo(level);
  }

  @Test
  void aDateThatIsNotADanishDateIsAWarningNotARefusal() {
    EvaluationReport r = EvaluationReportParser.parse(fixture("os2-rapport.md").replace("14-01-2026", "31-02-2026"));
    assertThat(r.date()).isNull();
    assertThat(r.warnings()).containsExactly("Rapportens dato '31-02-2026' er ikke en dato som dd-mm-åååå; den er ikke gemt.");
  }

  static Stream<Arguments> refusals() {
    String base = fixture("os2-rapport.md");
    return Stream.of(
        Arguments.of("template placeholder for the name", base.replace("**" + NAME + "**", "[Produktnavn]")
            .replace("title: Vurdering af " + NAME, "title: Skabelon"), "produktets navn"),
        Arguments.of("no template version", base.replace("> **Evalueringsskabelon version:** 0.9.2  \n", ""),
            "skabelonens version"),
        Arguments.of("a summary that recommends nothing", base.replaceAll("(?s)## 📝 Resumé.*?## 🔍 Vurdering af alle",
            "## 📝 Resumé\n\n[Her skrives et resumé.]\n\n## 🔍 Vurdering af alle")
            .replace("Det anbefales at fastholde produktet på niveau 2", "Se resuméet"), "anbefalede niveau"),
        Arguments.of("an unknown light", base.replaceFirst("\\| 🟢 \\|", "| 🟣 |"), "Linje 31 (R1): ukendt vurdering '🟣'"),
        Arguments.of("a count that is not a number", base.replace("|     7 |     3 |", "|     syv |     3 |"),
            "Linje 99: 'syv' i optællingen er ikke et tal"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aReportThatCannotBeReadIsRefusedByLine(String what, String markdown, String message) {
    assertThatThrownBy(() -> EvaluationReportParser.parse(markdown)).isInstanceOf(ImportException.class)
        .satisfies(e -> assertThat(((ImportException) e).problems()).anyMatch(p -> p.contains(message)));
  }

  @Test
  void theRecommendationsSectionIsReadWhenTheSummaryIsATemplatePlaceholder() {
    String markdown = fixture("os2-rapport.md").replaceAll("(?s)## 📝 Resumé.*?## 🔍 Vurdering af alle",
        "## 📝 Resumé\n\n[Her skrives et resumé.]\n\n## 🔍 Vurdering af alle");
    EvaluationReport r = EvaluationReportParser.parse(markdown);
    assertThat(r.summary()).isEmpty();
    assertThat(r.statedLevel()).isEqualTo("2");
    assertThat(List.of(r.rows().size())).containsExactly(43);
  }
}
