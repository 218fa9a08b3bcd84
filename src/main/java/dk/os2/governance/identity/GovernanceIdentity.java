package dk.os2.governance.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and idempotently, the bodies' groups, what each may do, and their
 * Tasklist filters. Users are not created here: see {@link DemoUsers} and {@link FirstAdmin}.
 */
@Component
@Order(1)
class GovernanceIdentity implements ApplicationRunner {

  /** Municipality employees who propose products; not a governance body. */
  static final String PROPOSERS = "kommuner";
  static final String MY_TASKS = "Mine opgaver";
  static final String MY_GROUPS_TASKS = "Mine gruppers opgaver";
  static final String PROPOSAL_PROCESS = "project-proposal";
  static final String MEETING_PROCESS = "governance-meeting";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  GovernanceIdentity(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Body body : Body.values()) {
      group(body.groupId(), body.danishName(), Groups.GROUP_TYPE_WORKFLOW);
    }
    group(PROPOSERS, "Kommuner (forslagsstillere)", Groups.GROUP_TYPE_WORKFLOW);
    group(Groups.CAMUNDA_ADMIN, "Camunda-administratorer", Groups.GROUP_TYPE_SYSTEM);

    for (Resource resource : Resources.values()) {
      grantGroup(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }

    // Everyone with a login: Tasklist and their own tasks.
    grantAll(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantAll(Resources.FILTER, myTasksFilter(), Permissions.READ);
    grantAll(Resources.FILTER, myGroupsFilter(), Permissions.READ);

    // The municipalities and every body may start a proposal. Granted to the groups, not globally:
    // the engine checks revokes (application.yml), and to that check a global authorization is
    // also a revoke of every permission it leaves out, so a global "create" on process instances
    // would deny every body the task variables its Tasklist cards show.
    removeGlobal(Resources.PROCESS_DEFINITION, PROPOSAL_PROCESS);
    removeGlobal(Resources.PROCESS_INSTANCE, ANY);
    for (String starter : proposalStarters()) {
      grantGroup(starter, Resources.PROCESS_DEFINITION, PROPOSAL_PROCESS, Permissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grantGroup(starter, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    for (Body body : Body.values()) {
      grantGroup(body.groupId(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grantGroup(body.groupId(), Resources.FILTER, bodyFilter(body), Permissions.READ);
    }

    // The secretariat watches everything in Cockpit and reads every process and its history.
    String secretariat = Body.FORRETNINGSLEDELSE.groupId();
    grantGroup(secretariat, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantGroup(secretariat, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grantGroup(secretariat, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    // The secretariat plans the meetings of the board and the general assembly (module meeting).
    grantGroup(secretariat, Resources.PROCESS_DEFINITION, MEETING_PROCESS, Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantGroup(secretariat, Resources.TASK, ANY, Permissions.READ);
    grantGroup(secretariat, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grantGroup(secretariat, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grantGroup(secretariat, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  /** The groups whose members may start a proposal: the municipalities and every body. */
  static List<String> proposalStarters() {
    List<String> starters = new ArrayList<>();
    starters.add(PROPOSERS);
    for (Body body : Body.values()) {
      starters.add(body.groupId());
    }
    return starters;
  }

  /** Removes the global authorization an earlier version created on this resource, if any. */
  private void removeGlobal(Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId).userIdIn(ANY)
        .list().stream().filter(a -> a.getAuthorizationType() == AUTH_TYPE_GLOBAL).forEach(a -> {
          try {
            authorizations.deleteAuthorization(a.getId());
          } catch (OptimisticLockingException | NullValueException removedByTheOtherNode) {
            // two nodes starting at once: the other one removed it first
          }
        });
  }

  private void group(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private String myTasksFilter() {
    return filter(MY_TASKS, -10, "#0b5394", "Opgaver, der er tildelt dig",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
  }

  /** Tasks of every group the user is in, the products' own groups included. */
  private String myGroupsFilter() {
    return filter(MY_GROUPS_TASKS, -5, "#7f6000", "Opgaver til dine grupper, også produkternes egne grupper",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
  }

  private String bodyFilter(Body body) {
    return filter(body.filterName(), 0, "#38761d", "Opgaver til " + body.danishName(),
        tasks.createTaskQuery().taskCandidateGroup(body.groupId()).includeAssignedTasks());
  }

  private String filter(String name, int priority, String color, String description,
      org.camunda.bpm.engine.task.TaskQuery query) {
    Map<String, Object> properties = Map.of(
        "description", description,
        "priority", priority,
        "color", color,
        "refresh", true,
        // Each task card shows the product and the level (TaskCards copies them onto the task).
        "variables", TaskCards.FILTER_VARIABLES);
    Filter existing = filters.createTaskFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      // A filter saved by an earlier version gets today's card variables; its query is kept.
      if (!properties.get("variables").equals(existing.getProperties().get("variables"))) {
        Map<String, Object> updated = new java.util.HashMap<>(existing.getProperties());
        updated.put("variables", TaskCards.FILTER_VARIABLES);
        filters.saveFilter(existing.setProperties(updated));
      }
      return existing.getId();
    }
    Filter filter = filters.newTaskFilter(name)
        .setQuery(query)
        .setProperties(properties);
    return filters.saveFilter(filter).getId();
  }

  private void grantAll(Resource resource, String resourceId, Permission... permissions) {
    grant(null, resource, resourceId, permissions);
  }

  private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    grant(groupId, resource, resourceId, permissions);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    // Camunda applies "*" (every user) only through global authorizations, never through grants.
    int type = groupId == null ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT;
    var query = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
    Authorization authorization = (groupId == null ? query.userIdIn(ANY) : query.groupIdIn(groupId))
        .list().stream().filter(a -> a.getAuthorizationType() == type).findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(type);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      if (groupId != null) {
        authorization.setGroupId(groupId);
      }
    } else if (java.util.Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
      return; // granted by an earlier start: nothing to write (a restart writes no authorization)
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
