package dk.os2.governance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bodies for the engine's REST API and what a refused call must leave as it was. */
final class EngineCalls {

  static final ObjectMapper JSON = new ObjectMapper();

  private EngineCalls() {}

  /** A form submission body: {"variables": {name: {"value": value}}}. */
  static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return Map.of("variables", variables);
  }

  /**
   * The message of an error answer: the {@code detail} of the application's problems (/api), the
   * {@code message} of Camunda's shape (the engine's REST API), or the whole body when it is not JSON.
   */
  static String message(HttpResponse<String> response) {
    boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    try {
      return JSON.readTree(response.body()).path(problem ? "detail" : "message").asText();
    } catch (Exception e) {
      return response.body();
    }
  }

  /** The application's rows, the engine's users, filters and processes, and one process in detail. */
  static Map<String, Object> snapshot(JdbcTemplate jdbc, ProcessEngine engine, ProcessInstance pi) {
    Map<String, Object> facts = new LinkedHashMap<>(State.of(jdbc, engine).facts());
    facts.put("users", engine.getIdentityService().createUserQuery().count());
    facts.put("filters", engine.getFilterService().createFilterQuery().count());
    facts.put("position", engine.getRuntimeService().getActiveActivityIds(pi.getId()));
    facts.put("variables", new TreeMap<>(engine.getRuntimeService().getVariables(pi.getId())).toString());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    facts.put("task", task == null ? null : task.getId() + "/" + task.getAssignee());
    return facts;
  }
}
