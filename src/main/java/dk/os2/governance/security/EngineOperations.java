package dk.os2.governance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.submission.FormSubmissions;
import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * What a caller may do with the engine through its REST API, decided per resolved operation
 * (resource type and method), never per URL. In order:
 *
 * <ol>
 *   <li>Refused for everyone: the Admin app's first-run setup (CVE-2026-77226: the first
 *       administrator comes from configuration); expressions in queries (CVE-2026-109432), in
 *       query parameters, ad-hoc query bodies (top level and {@code orQueries}), and saved filters,
 *       whose only permitted expressions are {@code ${currentUser()}} and
 *       {@code ${currentUserGroups()}}; starting a process other than through its start form;
 *       ending a task other than by submitting its form (BPMN error, escalation, resolve).
 *   <li>A task is claimed and completed only by its body (its candidate groups, or its assignee
 *       where it has none), administrators included.
 *   <li>Form submissions ({@code submit-form} and {@code complete} of a task, {@code submit-form}
 *       of a start form): exactly the form's fields, validated by {@link FormSubmissions}.
 *   <li>Deny by default for everyone but administrators: reads, queries, the task operations
 *       Tasklist needs (claim, unclaim, assign), and a user's own profile and password are
 *       allowed; every other write (start instructions, modification, migration, variables outside
 *       a form, messages, signals, jobs, suspension, deletion, deployments, identity and
 *       authorizations) is refused with 403.
 * </ol>
 */
@Component
class EngineOperations {

  /** Largest request body the engine's API accepts. */
  public static final int MAX_BODY = 1024 * 1024;

  /** The only expressions a saved Tasklist filter may hold: they name the caller, nothing else. */
  static final Set<String> SAFE_FILTER_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}");

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  /** Writes any logged-in user may make, by resource type and method; the engine authorizes them. */
  private static final Map<String, Set<String>> USER_WRITES = Map.of(
      "TaskResource", Set.of("submit", "complete", "claim", "unclaim", "setAssignee"),
      "ProcessDefinitionResource", Set.of("submitForm"),
      "UserAuthenticationResource", Set.of("doLogin", "doLogout"));

  /** Keys of the Danish refusals in {@code messages.properties}. */
  static final String NOT_ALLOWED = "engine.notAllowed";
  static final String NOT_THE_BODY = "engine.notTheBody";

  /** A resolved call to a REST resource method. */
  public record Call(String httpMethod, Set<String> resourceTypes, String method, Map<String, String> pathParameters,
      Collection<String> queryParameterNames, Supplier<byte[]> body) {

    boolean is(String resourceType) {
      return resourceTypes.contains(resourceType);
    }

    boolean is(String resourceType, String... methods) {
      return is(resourceType) && List.of(methods).contains(method);
    }

    String path(String name) {
      return pathParameters.get(name);
    }
  }

  /** Why a call is refused: HTTP status and a Danish message. */
  public record Refusal(int status, String message, List<String> details) {}

  private final ProcessEngine engine;
  private final FormSubmissions submissions;
  private final Refusals refusals;
  private final ObjectMapper json = new ObjectMapper();

  EngineOperations(ProcessEngine engine, FormSubmissions submissions, Refusals refusals) {
    this.engine = engine;
    this.submissions = submissions;
    this.refusals = refusals;
  }

  /** A refusal with the Danish text of a key of {@code messages.properties}. */
  private Optional<Refusal> refuse(int status, String key) {
    return Optional.of(new Refusal(status, refusals.text(key), List.of()));
  }

  public Optional<Refusal> check(Call call) {
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    boolean admin = user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    boolean read = READS.contains(call.httpMethod());

    if (call.is("SetupResource")) {
      return refuse(403, "engine.setupDisabled");
    }
    if (call.queryParameterNames().stream().anyMatch(EngineOperations::isExpressionKey)) {
      return expressionRefused();
    }
    if (call.is("ProcessDefinitionResource", "startProcessInstance")) {
      return refuse(403, "engine.startWithForm");
    }
    if (call.is("TaskResource", "handleBpmnError", "handleEscalation", "resolve")) {
      return refuse(403, "engine.endWithForm");
    }
    Optional<Refusal> expressions = checkExpressions(call, read);
    if (expressions.isPresent()) {
      return expressions;
    }
    if (call.is("TaskResource", "submit", "complete", "claim")) {
      // One read of the task serves both checks: whose it is, and what its form accepts.
      boolean submits = call.is("TaskResource", "submit", "complete");
      Optional<FormSubmissions.SubmittedTask> task = submissions.task(call.path("id"), submits);
      if (user != null && task.isPresent() && !ownsTask(user, task.get())) {
        return refuse(403, NOT_THE_BODY);
      }
      if (submits) {
        // An unknown task is left for the engine (404).
        return formRefusal(task.map(t -> submissions.checkTaskCompletion(t, call.body().get())).orElse(List.of()));
      }
    }
    if (call.is("ProcessDefinitionResource", "submitForm")) {
      return formRefusal(submissions.checkStart(call.path("id"), call.path("key"), call.path("tenantId"),
          call.body().get()));
    }
    if (read || admin) {
      return Optional.empty();
    }
    if (user == null && !call.is("UserAuthenticationResource")) {
      return refuse(401, "engine.refusal.401");
    }
    if (call.method().startsWith("query") || allowedWrite(call)) {
      return Optional.empty();
    }
    if (call.is("UserResource", "updateCredentials", "updateProfile") && user != null
        && user.getUserId().equals(call.path("id"))) {
      return Optional.empty();
    }
    return refuse(403, NOT_ALLOWED);
  }

  /**
   * Whether the caller is the task's body: a member of one of its candidate groups (or a candidate
   * user) where it has candidates, else its assignee. Administrators are no exception, and an
   * assignment does not make a stranger the body.
   */
  private static boolean ownsTask(Authentication user, FormSubmissions.SubmittedTask task) {
    if (task.candidates().isEmpty()) {
      return user.getUserId().equals(task.assignee());
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return task.candidates().stream().anyMatch(candidate -> user.getUserId().equals(candidate.userId())
        || (candidate.groupId() != null && groups.contains(candidate.groupId())));
  }

  private static boolean allowedWrite(Call call) {
    return USER_WRITES.entrySet().stream()
        .anyMatch(entry -> call.is(entry.getKey()) && entry.getValue().contains(call.method()));
  }

  private Optional<Refusal> checkExpressions(Call call, boolean read) {
    boolean filterExecution = call.is("FilterResource")
        && (call.method().startsWith("execute") || call.method().startsWith("query"));
    if (filterExecution && storedFilterHasUnsafeExpression(call.path("id"))) {
      return expressionRefused();
    }
    if (read) {
      return Optional.empty();
    }
    boolean savesFilter = call.is("FilterRestService", "createFilter") || call.is("FilterResource", "updateFilter");
    if (savesFilter || call.method().startsWith("query")) {
      JsonNode body = parse(call.body().get());
      if (body != null && hasUnsafeExpression(body, savesFilter)) {
        return expressionRefused();
      }
    }
    return Optional.empty();
  }

  private boolean storedFilterHasUnsafeExpression(String filterId) {
    Filter filter;
    try {
      filter = filterId == null ? null : engine.getFilterService().getFilter(filterId);
    } catch (AuthorizationException e) {
      return false; // the engine refuses the caller itself
    }
    if (filter == null) {
      return false;
    }
    Query<?, ?> query = filter.getQuery();
    if (query instanceof TaskQueryImpl taskQuery) {
      return taskQuery.getQueries().stream()
          .flatMap(part -> part.getExpressions().values().stream())
          .anyMatch(expression -> !SAFE_FILTER_EXPRESSIONS.contains(expression));
    }
    return false;
  }

  private JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : json.readTree(body);
    } catch (IOException e) {
      return null; // not JSON: the engine refuses it itself
    }
  }

  /** Whether a JSON body holds an expression key anywhere; a saved filter may hold the safe ones. */
  private static boolean hasUnsafeExpression(JsonNode node, boolean safeAllowed) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isExpressionKey(field.getKey())
            && !(safeAllowed && field.getValue().isTextual()
                && SAFE_FILTER_EXPRESSIONS.contains(field.getValue().asText()))) {
          return true;
        }
        if (hasUnsafeExpression(field.getValue(), safeAllowed)) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (hasUnsafeExpression(element, safeAllowed)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isExpressionKey(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  private Optional<Refusal> expressionRefused() {
    return refuse(400, "engine.expressions");
  }

  private Optional<Refusal> formRefusal(List<String> errors) {
    return errors.isEmpty() ? Optional.empty()
        : Optional.of(new Refusal(400, refusals.text("engine.formRefused", String.join(" ", errors)), errors));
  }
}
