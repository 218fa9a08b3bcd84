package dk.os2.governance.levels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.criteria.Answer;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.evaluation.ImportException;
import dk.os2.governance.identity.Access;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.submission.FormCatalog;
import dk.os2.governance.submission.FormField;
import dk.os2.governance.submission.FormSchema;
import dk.os2.governance.submission.SubmissionValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A self-assessment uploaded into an open task whose form asks for one (a level change's or an
 * evaluation's "Opdatér selvevalueringen"), as OS2's self-assessment web form exports it
 * ({@code productName}, {@code filledBy}, {@code filledDate}, {@code krav: [{id, kategori, krav,
 * produktniveau, efterlevet, dokumentation}]}; optionally {@code catalogue}: "id version").
 *
 * <p>Only a member of one of the task's candidate groups may upload, and only while the task is
 * open. Every criterion of the task's level and below must be answered Ja, Nej, Ikke relevant or
 * Ved ikke; an id the task's catalogue lacks, a criterion the file lacks and an answer outside those
 * four are refused by name, and then nothing is written. Otherwise the answers and their
 * documentation are written into the process's self-assessment variables as the system's write, and
 * the form shows them when the task is opened again, for review before it is completed.
 */
@Service
class TaskSelfAssessments {

  private static final Pattern ANSWER_FIELD = Pattern.compile("sa_.+_answer");
  private static final Pattern LEVEL = Pattern.compile("^(?:niveau\\s*|n)?([123])$");

  /** An open task that takes a self-assessment, with what the page shows of it. */
  record Target(Task task, String productId, String productName, String level, Catalogue catalogue, FormSchema form) {}

  /** One criterion as uploaded. */
  record Row(String id, String title, String level, String answer, String documentation) {}

  /** What was written, and how the file's catalogue was found. */
  record Result(String catalogueReference, boolean catalogueNamed, List<Row> rows, List<String> skipped,
      String filledBy, String filledDate) {}

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final ProcessIdentity processIdentity;
  private final FormCatalog forms;
  private final Catalogue shipped;
  private final CatalogueStore catalogues;
  private final CatalogueVersions versions;
  private final ObjectMapper json = new ObjectMapper();

  TaskSelfAssessments(ProcessEngine engine, ProcessIdentity processIdentity, FormCatalog forms, Catalogue shipped,
      CatalogueStore catalogues, CatalogueVersions versions) {
    this.versions = versions;
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.processIdentity = processIdentity;
    this.forms = forms;
    this.shipped = shipped;
    this.catalogues = catalogues;
  }

  /** Whether a form asks for a self-assessment (it has the criteria's answer fields). */
  static boolean asksForSelfAssessment(FormSchema form) {
    return form.fields().keySet().stream().anyMatch(key -> ANSWER_FIELD.matcher(key).matches());
  }

  /** The task, if it is open, takes a self-assessment and the user is in one of its candidate groups; else 403. */
  Target require(String taskId, String userId) {
    return Access.asSystem(identity, () -> {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      Optional<FormSchema> form = task == null || task.getCamundaFormRef() == null ? Optional.empty()
          : forms.form(task.getCamundaFormRef(), task.getProcessDefinitionId())
              .filter(TaskSelfAssessments::asksForSelfAssessment);
      if (form.isEmpty()) {
        throw forbidden();
      }
      Set<String> candidates = new HashSet<>();
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          candidates.add(link.getGroupId());
        }
      }
      boolean member = userId != null && identity.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).anyMatch(candidates::contains);
      if (!member) {
        throw forbidden();
      }
      Map<String, Object> variables = engine.getTaskService().getVariables(taskId);
      String level = processIdentity.levelProcess(task.getProcessInstanceId())
          .map(ProcessIdentity.Identity::targetLevel)
          .orElse(variables.get("requestedLevel") == null ? null : variables.get("requestedLevel").toString());
      // The catalogue version the process follows (its form was generated from it); a process from
      // before the version was kept in a variable follows the one recorded when it started.
      Catalogue catalogue = variables.get(CatalogueVersions.VARIABLE) != null ? versions.forProcess(variables)
          : processIdentity.levelProcess(task.getProcessInstanceId())
              .map(ProcessIdentity.Identity::catalogueReference).flatMap(this::catalogue).orElse(shipped);
      if (level == null || !catalogue.hasLevel(level)) {
        throw forbidden();
      }
      Object name = variables.get("productName");
      return new Target(task, task.getProcessInstanceId() == null ? null : productId(task, variables),
          name == null ? null : name.toString(), level, catalogue, form.get());
    });
  }

  /** Validates the whole file, then writes every answer at once; an {@link ImportException} changes nothing. */
  Result upload(Target target, String body) {
    JsonNode root;
    try {
      root = json.readTree(body == null ? "" : body.startsWith("\uFEFF") ? body.substring(1) : body);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ImportException("Filen er ikke gyldig JSON (linje " + line + "). Brug den fil, OS2's selvevaluering eksporterer.");
    }
    if (root == null || !root.isObject()) {
      throw new ImportException("Filen skal være et JSON-objekt med productName, filledBy, filledDate og krav, "
          + "som OS2's selvevaluering eksporterer den.");
    }
    Catalogue catalogue = target.catalogue();
    List<String> problems = new ArrayList<>();
    String name = text(root, "productName");
    if (name == null) {
      problems.add("Feltet 'productName' mangler.");
    } else if (target.productName() != null && !name.strip().equalsIgnoreCase(target.productName().strip())) {
      problems.add("Filen er en selvevaluering af '" + name + "', ikke af '" + target.productName() + "'.");
    }
    String named = text(root, "catalogue");
    if (named != null && !named.strip().equals(catalogue.reference())) {
      problems.add("Filen er lavet efter kataloget '" + named + "', men opgaven bruger kataloget '"
          + catalogue.reference() + "'.");
    }
    JsonNode krav = root.get("krav");
    if (krav == null || !krav.isArray() || krav.isEmpty()) {
      problems.add("Feltet 'krav' skal være en ikke-tom liste med et svar pr. kriterium.");
      throw new ImportException(problems);
    }
    int max = catalogue.rank(target.level());
    Map<String, Row> rows = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int index = 0;
    for (JsonNode item : krav) {
      index++;
      if (!item.isObject()) {
        problems.add("Krav nr. " + index + " i listen er ikke et objekt.");
        continue;
      }
      String id = text(item, "id");
      if (id == null) {
        problems.add("Krav nr. " + index + " i listen mangler 'id'.");
        continue;
      }
      String where = "Krav " + id;
      if (!seen.add(id)) {
        problems.add(where + " står to gange i filen.");
        continue;
      }
      Optional<Criterion> found = catalogue.criterion(id);
      if (found.isEmpty()) {
        unknown.add(id);
        problems.add(where + " findes ikke i kataloget " + catalogue.reference() + ".");
        continue;
      }
      Criterion c = found.get();
      String category = text(item, "kategori");
      if (category != null && !category.strip().equalsIgnoreCase(c.theme())) {
        problems.add(where + ": 'kategori' er '" + category + "', men kataloget har '" + c.theme() + "'.");
      }
      String level = text(item, "produktniveau");
      if (level != null && !c.level().equals(level(level, catalogue))) {
        problems.add(where + ": 'produktniveau' er '" + level + "', men kataloget har '" + c.level() + "'.");
      }
      if (catalogue.rank(c.level()) > max) {
        skipped.add(id);
        continue;
      }
      JsonNode complied = item.get("efterlevet");
      String answer = null;
      if (complied == null || complied.isNull() || (complied.isTextual() && complied.asText().isBlank())) {
        problems.add(where + " (" + c.title() + ") er ikke besvaret: 'efterlevet' skal være Ja, Nej, Ikke relevant "
            + "eller Ved ikke.");
      } else if (!complied.isTextual() || Answer.fromLabel(complied.asText().strip()).isEmpty()) {
        problems.add(where + ": svaret " + complied + " er ikke et af Ja, Nej, Ikke relevant og Ved ikke.");
      } else {
        answer = Answer.fromLabel(complied.asText().strip()).orElseThrow().label();
      }
      String documentation = documentation(item, where, field(target.form(), c.documentationVariable()), problems);
      if (field(target.form(), c.answerVariable()) == null) {
        problems.add(where + " har intet svarfelt i opgavens formular.");
      }
      rows.put(id, new Row(id, c.title(), c.level(), answer, documentation));
    }
    for (Criterion c : catalogue.criteriaUpTo(target.level())) {
      if (!seen.contains(c.id())) {
        problems.add("Krav " + c.id() + " (" + c.title() + ") mangler i filen; hvert krav til og med "
            + target.level() + " skal besvares.");
      }
    }
    if (!unknown.isEmpty()) {
      otherCatalogue(unknown, seen).ifPresent(other -> problems.add(0, "Filens krav hører til kataloget " + other
          + ", men opgaven bruger kataloget " + catalogue.reference() + "."));
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Row row : rows.values()) {
      Criterion c = catalogue.criterion(row.id()).orElseThrow();
      variables.put(c.answerVariable(), row.answer());
      variables.put(c.documentationVariable(), row.documentation());
    }
    String processInstanceId = target.task().getProcessInstanceId();
    Access.asSystem(identity, () -> SystemWrites.run(
        () -> engine.getRuntimeService().setVariables(processInstanceId, variables)));
    return new Result(catalogue.reference(), named != null, List.copyOf(rows.values()), skipped,
        text(root, "filledBy"), text(root, "filledDate"));
  }

  private static String documentation(JsonNode item, String where, FormField field, List<String> problems) {
    JsonNode documentation = item.get("dokumentation");
    if (documentation == null || documentation.isNull()) {
      return null;
    }
    if (!documentation.isTextual()) {
      problems.add(where + ": 'dokumentation' skal være tekst.");
      return null;
    }
    String text = documentation.asText().strip();
    if (field != null && field.maxLength() != null && text.length() > field.maxLength()) {
      problems.add(where + ": 'dokumentation' har " + text.length() + " tegn; formularen tillader højst "
          + field.maxLength() + ".");
    }
    if (SubmissionValidator.isUnsafeText(text)) {
      problems.add(where + ": 'dokumentation' må ikke indeholde HTML-mærker eller udtryk som ${…}.");
    }
    return text.isEmpty() ? null : text;
  }

  /** A published catalogue that has every id of the file, when the task's catalogue does not. */
  private Optional<String> otherCatalogue(List<String> unknown, Set<String> ids) {
    return catalogues.list().stream()
        .map(p -> catalogues.find(p.id(), p.version()).orElse(null))
        .filter(c -> c != null && ids.stream().allMatch(id -> c.criterion(id).isPresent()))
        .map(Catalogue::reference).findFirst();
  }

  /** "2", "Niveau 2", "N2" → the catalogue's own id of that level ("2" or "N2"). */
  private static String level(String text, Catalogue catalogue) {
    String t = text.replaceAll("[*_`]", "").strip().toLowerCase(Locale.ROOT);
    for (Catalogue.Level level : catalogue.levels()) {
      if (level.id().equalsIgnoreCase(t) || level.name().equalsIgnoreCase(t)) {
        return level.id();
      }
    }
    var m = LEVEL.matcher(t);
    if (m.matches()) {
      for (Catalogue.Level level : catalogue.levels()) {
        if (level.id().equalsIgnoreCase(m.group(1)) || level.id().equalsIgnoreCase("N" + m.group(1))) {
          return level.id();
        }
      }
    }
    return t;
  }

  private Optional<Catalogue> catalogue(String reference) {
    if (reference == null || reference.equals(shipped.reference())) {
      return Optional.of(shipped);
    }
    int space = reference.lastIndexOf(' ');
    return space < 0 ? Optional.empty() : catalogues.find(reference.substring(0, space), reference.substring(space + 1));
  }

  private String productId(Task task, Map<String, Object> variables) {
    Object id = variables.get("productId");
    return id == null ? null : id.toString();
  }

  private static FormField field(FormSchema form, String key) {
    return form.field(key).orElse(null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
  }

  private static ResponseStatusException forbidden() {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, "Selvevalueringen kan kun indlæses i en åben opgave "
        + "'Opdatér selvevalueringen', og kun af et medlem af den gruppe, opgaven er stillet til.");
  }
}
