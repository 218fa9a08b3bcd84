package dk.os2.governance.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.os2.governance.criteria.Answer;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Imports a self-assessment exactly as OS2's web form exports it (DOMAIN.md), matching criteria by
 * id against a catalogue version, and exports it in the same format. Unknown ids, missing fields
 * and invalid values are reported per criterion, and nothing is imported unless all is right.
 */
@Service
class SelfAssessmentImport {

  private static final Set<String> CATEGORIES = Set.of("relevans", "formkrav", "strategisk", "governance");

  private final ObjectMapper json = new ObjectMapper();
  private final CatalogueStore catalogues;
  private final Portfolio portfolio;
  private final SelfAssessmentStore store;
  private final SteeringGroups steeringGroups;

  SelfAssessmentImport(CatalogueStore catalogues, Portfolio portfolio, SelfAssessmentStore store,
      SteeringGroups steeringGroups) {
    this.catalogues = catalogues;
    this.portfolio = portfolio;
    this.store = store;
    this.steeringGroups = steeringGroups;
  }

  /**
   * Only the secretariat and the members of the product's steering group import its
   * self-assessment (it becomes the product's latest, read by level checks and evaluations); an
   * unknown product is 404, anyone else 403, before anything is read or written.
   */
  public void requireOwner(String productId, String userId, boolean secretariat) {
    portfolio.product(productId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
    if (secretariat) {
      return;
    }
    if (!steeringGroups.inSteeringGroup(productId, userId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Kun sekretariatet og produktets styregruppe kan importere produktets selvevaluering.");
    }
  }

  /** What an import stored, and against which catalogue version, found how (in Danish, for the user). */
  public record Imported(String id, String catalogueReference, String foundBy) {

    /** "Importeret mod kataloget os2-evalueringsrapport 0.9.2 (genkendt på kriteriernes id'er)." */
    public String message() {
      return "Selvevalueringen er importeret mod kataloget " + catalogueReference + " (" + foundBy + ").";
    }
  }

  /**
   * Imports against a catalogue version: the one the request names; else the one the file names
   * ({@code "catalogue": "id version"}); else the published version that has every criterion id of the
   * file (the fewest others first, OS2's model before other catalogues, the highest version first);
   * else the newest published version of OS2's model, against which unknown ids are then named.
   */
  @Transactional
  public Imported importJson(String productId, String body, String catalogueId, String version, String userId) {
    Product product = portfolio.product(productId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
    JsonNode root;
    try {
      root = json.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ImportException("Filen er ikke gyldig JSON (linje " + line + ").");
    }
    if (root == null || !root.isObject()) {
      throw new ImportException("Filen skal være et JSON-objekt med productName, filledBy, filledDate og krav.");
    }
    Catalogue catalogue;
    String foundBy;
    String named = text(root, "catalogue");
    Optional<Catalogue> matched;
    if ((catalogueId != null && !catalogueId.isBlank()) || (version != null && !version.isBlank())) {
      catalogue = catalogue(catalogueId, version);
      foundBy = "angivet ved importen";
    } else if (named != null) {
      int space = named.strip().lastIndexOf(' ');
      catalogue = (space < 0 ? Optional.<Catalogue>empty()
          : catalogues.find(named.strip().substring(0, space), named.strip().substring(space + 1)))
          .orElseThrow(() -> new ImportException("Filen angiver kataloget '" + named
              + "', som ikke er udgivet; angiv 'id version' af et udgivet katalog."));
      foundBy = "angivet i filen";
    } else if ((matched = matchByIds(root.get("krav"))).isPresent()) {
      catalogue = matched.get();
      foundBy = "genkendt på kriteriernes id'er";
    } else {
      catalogue = catalogue(null, null);
      foundBy = "nyeste version af OS2's model";
    }
    List<String> problems = new ArrayList<>();
    String name = text(root, "productName");
    if (name == null) {
      problems.add("Feltet 'productName' mangler.");
    } else if (!name.equalsIgnoreCase(product.name())) {
      problems.add("Filen er en selvevaluering af '" + name + "', ikke af '" + product.name() + "'.");
    }
    JsonNode krav = root.get("krav");
    if (krav == null || !krav.isArray() || krav.isEmpty()) {
      problems.add("Feltet 'krav' skal være en ikke-tom liste.");
      throw new ImportException(problems);
    }
    List<SelfAssessmentStore.Answer> answers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int index = 0;
    for (JsonNode item : krav) {
      index++;
      if (!item.isObject()) {
        problems.add("Krav nr. " + index + " er ikke et objekt.");
        continue;
      }
      String id = text(item, "id");
      String where = id == null ? "Krav nr. " + index : "Krav " + id;
      if (id == null) {
        problems.add(where + " mangler 'id'.");
        continue;
      }
      if (!seen.add(id)) {
        problems.add(where + " står to gange.");
        continue;
      }
      Optional<Criterion> criterion = catalogue.criterion(id);
      if (criterion.isEmpty()) {
        problems.add(where + " findes ikke i kataloget " + catalogue.reference() + ".");
        continue;
      }
      String category = text(item, "kategori");
      if (category == null || !CATEGORIES.contains(category)) {
        problems.add(where + ": 'kategori' skal være relevans, formkrav, strategisk eller governance (fik '" + category + "').");
      } else if (!category.equals(criterion.get().theme())) {
        problems.add(where + ": 'kategori' er '" + category + "', men kataloget har '" + criterion.get().theme() + "'.");
      }
      String level = text(item, "produktniveau");
      if (level == null || !ReportLevels.IDS.contains(level)) {
        problems.add(where + ": 'produktniveau' skal være sandkasse, 1, 2 eller 3 (fik '" + level + "').");
      } else if (!level.equals(criterion.get().level())) {
        problems.add(where + ": 'produktniveau' er '" + level + "', men kataloget har '" + criterion.get().level() + "'.");
      }
      JsonNode complied = item.get("efterlevet");
      String answer = null;
      if (complied != null && !complied.isNull()) {
        if (!complied.isTextual() || Answer.fromLabel(complied.asText()).isEmpty()) {
          problems.add(where + ": 'efterlevet' skal være Ja, Nej, Ikke relevant, Ved ikke eller null (fik " + complied + ").");
        } else {
          answer = complied.asText();
        }
      }
      JsonNode documentation = item.get("dokumentation");
      if (documentation != null && !documentation.isNull() && !documentation.isTextual()) {
        problems.add(where + ": 'dokumentation' skal være tekst.");
      }
      String doc = documentation == null || documentation.isNull() ? null : documentation.asText();
      if (doc != null && doc.length() > 4000) {
        problems.add(where + ": 'dokumentation' må højst være 4000 tegn.");
      }
      answers.add(new SelfAssessmentStore.Answer(id, answer, doc));
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    String id = store.save(product.id(), catalogue.id(), catalogue.version(), text(root, "filledBy"),
        text(root, "filledDate"), text(root, "generatedAt"), userId, answers);
    return new Imported(id, catalogue.reference(), foundBy);
  }

  /** The published catalogue version that has every criterion id of the file, if any. */
  private Optional<Catalogue> matchByIds(JsonNode krav) {
    if (krav == null || !krav.isArray() || krav.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode item : krav) {
      String id = item.isObject() ? text(item, "id") : null;
      if (id == null) {
        return Optional.empty();
      }
      ids.add(id);
    }
    return catalogues.list().stream()
        .map(p -> catalogues.find(p.id(), p.version()).orElse(null))
        .filter(c -> c != null && ids.stream().allMatch(id -> c.criterion(id).isPresent()))
        .min(java.util.Comparator.<Catalogue>comparingInt(c -> c.criteria().size())
            .thenComparing(c -> c.id().equals(ReportImport.OS2_MODEL) ? 0 : 1)
            .thenComparing((a, b) -> compareVersions(b.version(), a.version())));
  }

  /** The newest self-assessment of a product, in OS2's export format. */
  public Optional<String> exportJson(String productId) {
    return store.latest(productId).map(stored -> {
      Catalogue catalogue = catalogues.find(stored.catalogueId(), stored.catalogueVersion()).orElseThrow();
      String name = portfolio.product(productId).map(Product::name).orElse(null);
      ObjectNode root = json.createObjectNode();
      root.put("productName", name);
      root.put("filledBy", stored.filledBy());
      root.put("filledDate", stored.filledDate());
      root.put("generatedAt", stored.generatedAt());
      ArrayNode krav = root.putArray("krav");
      for (SelfAssessmentStore.Answer a : stored.answers().values()) {
        Criterion c = catalogue.criterion(a.criterionId()).orElseThrow();
        ObjectNode item = krav.addObject();
        item.put("id", c.id());
        item.put("kategori", c.theme());
        item.put("krav", c.title());
        item.put("produktniveau", c.level());
        item.put("retningslinjer", c.guidance());
        item.put("efterlevet", a.answer());
        item.put("dokumentation", a.documentation());
      }
      try {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private Catalogue catalogue(String id, String version) {
    String catalogueId = id == null || id.isBlank() ? ReportImport.OS2_MODEL : id;
    if (version != null && !version.isBlank()) {
      return catalogues.find(catalogueId, version).orElseThrow(() -> new ImportException(
          "Kataloget '" + catalogueId + "' version '" + version + "' findes ikke."));
    }
    return catalogues.list().stream().filter(p -> p.id().equals(catalogueId))
        .max((a, b) -> compareVersions(a.version(), b.version()))
        .flatMap(p -> catalogues.find(p.id(), p.version()))
        .orElseThrow(() -> new ImportException("Intet katalog '" + catalogueId
            + "' er udgivet; udgiv OS2's kriteriekatalog først (POST /api/catalogues)."));
  }

  /** Compares "0.9.2" and "0.10" by their numbers, so the newest version is the highest, not the latest loaded. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("[.\\-]");
    String[] y = b.split("[.\\-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c = p.matches("\\d+") && q.matches("\\d+")
          ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
  }
}
