package dk.os2.governance.statutes;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.RestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The statutes pages show the texts as their Markdown means them (headings, lists, emphasis,
 * links), never the Markdown signs, and never anything a text could smuggle in: HTML in a text is
 * shown as text, and a link to {@code javascript:} leads nowhere.
 */
class StatutesMarkdownTests extends StatutesTests {

  @Test
  void theTextInForceReadsAsHeadingsAndParagraphsNotAsMarkdown() {
    StatutesStore.Version inForce = store.current(DocumentKind.STATUTES).orElseThrow();
    String firstLine = inForce.bodyText().lines().findFirst().orElseThrow();
    assertThat(firstLine).as("the seeded text begins with a Markdown heading").startsWith("# ");

    String page = RestClient.as(baseUrl(), "kommune").get("/app/vedtaegter").body();
    assertThat(page).contains("<h1>" + firstLine.substring(2).strip() + "</h1>")
        .doesNotContain(">" + firstLine);
  }

  @Test
  void aVersionsPageRendersItsTextSafely() throws Exception {
    String text = """
        # Licensvilkår, forslag

        ## § 1 Formål

        Vilkårene gælder **alle** produkter og *alle* kommuner:

        - licensen er åben
        - koden ligger offentligt, se [OS2](https://os2.eu)

        [Klik her](javascript:alert(document.cookie)) og &lt;script&gt;alert(1)&lt;/script&gt;
        """;
    String pi = draft(text);
    RestClient.Response rejected = RestClient.as(baseUrl(), "bestyrelse").post("/engine-rest/task/"
        + engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId() + "/submit-form",
        RestClient.variables(Map.of("boardRecommendation", "reject", "boardRationale", "Afprøvning af visningen.")));
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
    StatutesStore.Version version = store.ofProcess(pi).orElseThrow();

    String page = RestClient.as(baseUrl(), "kommune").get("/app/vedtaegter/versioner/" + version.id()).body();
    assertThat(page).contains("<h1>Licensvilkår, forslag</h1>", "<h2>§ 1 Formål</h2>",
        "Vilkårene gælder <strong>alle</strong> produkter og <em>alle</em> kommuner:", "<li>licensen er åben</li>",
        "<a rel=\"nofollow\" href=\"https://os2.eu\">OS2</a>");
    assertThat(page).as("no script link").doesNotContain("href=\"javascript:alert").contains("<a rel=\"nofollow\" href=\"\">Klik her</a>");
    assertThat(page).as("an escaped tag stays text").doesNotContain("<script>alert(1)")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void htmlInATextIsShownAsTextNeverRun() {
    String html = Markdown.html("""
        # Titel
        <script>alert(1)</script>

        Tekst med <img src=x onerror=alert(1)> og <b>fed</b>.

        [link](javascript:alert(1)) [billede](data:text/html;base64,PHNjcmlwdD4=)
        """);
    assertThat(html).contains("<h1>Titel</h1>").doesNotContain("<script", "<img", "<b>", "javascript:", "data:text")
        .contains("<a rel=\"nofollow\" href=\"\">link</a>", "<a rel=\"nofollow\" href=\"\">billede</a>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;b&gt;fed&lt;/b&gt;");
  }

  private String draft(String text) throws Exception {
    return StatutesDrafts.draft(baseUrl(), "licensvilkaar", text, "Visningen afprøves.");
  }
}
