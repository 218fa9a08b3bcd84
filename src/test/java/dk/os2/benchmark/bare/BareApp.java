package dk.os2.benchmark.bare;

import dk.os2.benchmark.SideMain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine the application is measured against: Spring Boot and Camunda 7.24 with the
 * engine REST API behind HTTP Basic, authorization on, history level full, the same task
 * permission, and one model per lifecycle with the application's user tasks and candidate groups
 * ({@code benchmark/bare/*.bpmn}). No webapps (their auto-configuration is excluded), no
 * listeners, no application tables. It runs in a JVM of its own whose class path lacks the
 * application's classes, so none of the application's engine plugins or Jersey features load.
 */
@SpringBootApplication
public class BareApp {

  static final String PASSWORD = "demo";

  /** User → its groups: the application's demo bodies, a steering group and its chair. */
  static final Map<String, List<String>> USERS = Map.of(
      "kommune", List.of("kommuner"),
      "sekretariat", List.of("forretningsledelse"),
      "forretningsudvalg", List.of("forretningsudvalg"),
      "bestyrelse", List.of("bestyrelse"),
      "koordinationsudvalg", List.of("koordinationsudvalg"),
      "styreformand", List.of("styregruppe"),
      "admin", List.of("camunda-admin"));

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        SideMain.run(new SpringApplicationBuilder(BareApp.class, dk.os2.benchmark.SqlCounting.class), args);
    SideMain.control(perBody -> seed(context.getBean(ProcessEngine.class), perBody));
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filter =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    filter.addUrlPatterns("/engine-rest/*");
    filter.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return filter;
  }

  @Bean
  ApplicationRunner usersAndAuthorizations(IdentityService identity, AuthorizationService authorizations) {
    return args -> {
      if (identity.createUserQuery().userId("kommune").count() > 0) {
        return;
      }
      for (String group : List.of("kommuner", "forretningsledelse", "forretningsudvalg", "bestyrelse",
          "koordinationsudvalg", "styregruppe", "camunda-admin")) {
        identity.saveGroup(identity.newGroup(group));
      }
      for (Map.Entry<String, List<String>> entry : USERS.entrySet()) {
        User user = identity.newUser(entry.getKey());
        // The chair logs in with the same password as in the application (Benchmark.PEOPLE_PASSWORD).
        user.setPassword(entry.getKey().equals("styreformand") ? "hemmeligt-kodeord" : PASSWORD);
        user.setEmail(entry.getKey() + "@demo.os2.dk");
        identity.saveUser(user);
        entry.getValue().forEach(group -> identity.createMembership(entry.getKey(), group));
      }
      // Everyone may read and start the models (as in the application); the administrator all.
      grant(authorizations, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.CREATE_INSTANCE,
          Permissions.READ_INSTANCE);
      grant(authorizations, Resources.PROCESS_INSTANCE, Permissions.CREATE);
      Authorization admin = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      admin.setGroupId("camunda-admin");
      admin.setResource(Resources.TASK);
      admin.setResourceId("*");
      admin.addPermission(Permissions.ALL);
      authorizations.saveAuthorization(admin);
    };
  }

  private static void grant(AuthorizationService authorizations, Resources resource, Permissions... permissions) {
    Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    all.setUserId("*");
    all.setResource(resource);
    all.setResourceId("*");
    for (Permissions permission : permissions) {
      all.addPermission(permission);
    }
    authorizations.saveAuthorization(all);
  }

  /** The bare side's open tasks at scale: {@code perBody} for each of the four bodies. */
  static Map<String, Object> seed(ProcessEngine engine, int perBody) {
    long began = System.nanoTime();
    TaskService tasks = engine.getTaskService();
    Map<String, Object> few = new HashMap<>(Map.of("comment", "Skala"));
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < perBody; i++) {
      for (int depth = 0; depth < 3; depth++) {
        // Started as the proposer (the initiator); the steps without a user, past authorization.
        engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
        String pi = engine.getRuntimeService().startProcessInstanceByKey("bare-proposal", few).getId();
        engine.getIdentityService().clearAuthentication();
        for (int step = 0; step < depth; step++) {
          Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
          tasks.complete(task.getId(), few);
        }
        instances.add(pi);
      }
      engine.getIdentityService().setAuthenticatedUserId("styreformand");
      String lc = engine.getRuntimeService().startProcessInstanceByKey("bare-level-change", few).getId();
      engine.getIdentityService().clearAuthentication();
      tasks.complete(tasks.createTaskQuery().processInstanceId(lc).singleResult().getId(), few);
      instances.add(lc);
    }
    engine.getIdentityService().clearAuthentication();
    Map<String, Object> result = new HashMap<>();
    result.put("processInstances", instances.size());
    result.put("seconds", (System.nanoTime() - began) / 1e9);
    return result;
  }
}
