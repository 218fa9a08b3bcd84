package dk.os2.governance.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.engine.ApiErrors;
import dk.os2.governance.engine.CachedBodyRequest;
import dk.os2.governance.engine.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Validates, on the server, what anyone submits to a task or start form through the REST API
 * or the webapps' own API (Tasklist): bad input is answered with a Danish message and 400
 * before the engine is touched, so the process stays where it was.
 */
public class SubmissionValidationFilter extends OncePerRequestFilter {

  /** The engine API path after /engine-rest or /camunda/api/engine/engine/{name}. */
  static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
  private static final Pattern TASK_SUBMIT = Pattern.compile("^/task/([^/]+)/(complete|submit-form)$");
  private static final Pattern TASK_SIDE_DOOR = Pattern.compile("^/task/([^/]+)/(bpmnError|bpmnEscalation|resolve)$");
  private static final Pattern START_BY_KEY =
      Pattern.compile("^/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(start|submit-form)$");
  private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/(start|submit-form)$");
  private static final Set<String> PLAIN_TYPES =
      Set.of("String", "Boolean", "Integer", "Long", "Short", "Double", "Null", "Json");

  private final ProcessEngine engine;
  private final FormCatalog forms;
  private final SubmissionValidator validator;
  private final ObjectMapper json;

  public SubmissionValidationFilter(ProcessEngine engine, FormCatalog forms, SubmissionValidator validator,
      ObjectMapper json) {
    this.engine = engine;
    this.forms = forms;
    this.validator = validator;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher engineMatch = ENGINE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!engineMatch.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String path = engineMatch.group(1);
    if (TASK_SIDE_DOOR.matcher(path).matches()) {
      ApiErrors.write(response, 403,
          "Opgaver i OS2's processer afsluttes med deres formular; denne handling er ikke tilladt.", null);
      return;
    }
    Matcher task = TASK_SUBMIT.matcher(path);
    Matcher byKey = START_BY_KEY.matcher(path);
    Matcher byId = START_BY_ID.matcher(path);
    if (!task.matches() && !byKey.matches() && !byId.matches()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Authentication> user = CurrentUser.of(request, engine.getIdentityService());
    if (user.isEmpty()) {
      chain.doFilter(request, response); // the API answers 401 itself
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request);
    if (cached == null) {
      ApiErrors.write(response, 413, "Indsendelsen er for stor.", null);
      return;
    }
    Authentication previous = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().setAuthentication(user.get());
    try {
      Optional<Target> target = task.matches() ? taskTarget(task.group(1))
          : byKey.matches() ? startTarget(byKey.group(1), true) : startTarget(byId.group(1), false);
      if (target.isPresent()) {
        List<String> errors = validate(target.get(), cached.body());
        if (!errors.isEmpty()) {
          ApiErrors.write(response, 400, "Formularen kan ikke sendes: " + String.join(" ", errors), errors);
          return;
        }
      }
    } finally {
      engine.getIdentityService().setAuthentication(previous);
    }
    chain.doFilter(cached, response);
  }

  /** The form a submission goes to, and the variables the process holds there. */
  private record Target(FormSchema form, Map<String, Object> processVariables) {}

  private Optional<Target> taskTarget(String taskId) {
    try {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null || task.getCamundaFormRef() == null) {
        return Optional.empty(); // unknown or not visible to the caller: the engine answers
      }
      return forms.form(task.getCamundaFormRef().getKey())
          .map(form -> new Target(form, engine.getTaskService().getVariables(taskId)));
    } catch (AuthorizationException e) {
      return Optional.empty();
    }
  }

  private Optional<Target> startTarget(String keyOrId, boolean isKey) {
    try {
      ProcessDefinition definition = isKey
          ? engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(keyOrId)
              .latestVersion().singleResult()
          : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(keyOrId).singleResult();
      if (definition == null) {
        return Optional.empty();
      }
      FormData start = engine.getFormService().getStartFormData(definition.getId());
      CamundaFormRef ref = start == null ? null : start.getCamundaFormRef();
      return ref == null ? Optional.empty() : forms.form(ref.getKey()).map(form -> new Target(form, Map.of()));
    } catch (AuthorizationException e) {
      return Optional.empty();
    }
  }

  private List<String> validate(Target target, byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      return List.of("Indsendelsen er ikke gyldig JSON.");
    }
    if (root == null || !root.isObject()) {
      return List.of("Indsendelsen er ikke gyldig JSON.");
    }
    List<String> errors = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    JsonNode variables = root.path("variables");
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      return List.of("'variables' skal være et JSON-objekt.");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      JsonNode type = entry.getValue().path("type");
      if (type.isTextual() && !PLAIN_TYPES.contains(type.asText())) {
        errors.add("Feltet '" + entry.getKey() + "' har typen '" + type.asText() + "', som ikke er tilladt.");
        continue;
      }
      values.put(entry.getKey(), toJava(entry.getValue().path("value")));
    }
    JsonNode businessKey = root.path("businessKey");
    if (businessKey.isTextual() && (businessKey.asText().contains("${") || businessKey.asText().contains("<"))) {
      errors.add("Forretningsnøglen må ikke indeholde udtryk eller HTML.");
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    return validator.validate(target.form(), new Submission(target.form().id(), values, target.processVariables()));
  }

  private Object toJava(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    return json.convertValue(value, Object.class);
  }
}
