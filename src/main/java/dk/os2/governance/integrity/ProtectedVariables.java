package dk.os2.governance.integrity;

import java.util.Map;
import java.util.Set;

/**
 * The process variables that only the system may write, per process definition.
 *
 * <p><b>Identity</b> variables are set when the process starts (by the engine's initiator or by the
 * application's start variables) and never change afterwards: they may be created once, on the
 * process instance itself, and never updated, deleted or shadowed by a task-local or
 * execution-local variable of the same name. <b>Computed</b> variables are the results of the
 * automated checks: only the system's own steps may write them at all.
 */
final class ProtectedVariables {

  enum Kind { IDENTITY, COMPUTED }

  /** The check's results, and the catalogue version the process follows (forms/CatalogueVersionPlugin). */
  private static final Set<String> CHECK_RESULTS = Set.of(
      "indicativeLevel", "catalogueReference", "evaluationId", "reportLink", "catalogueVersion");

  /** Who returned work, when and why (portfolio's ReturnNote): what a body said is not a form's to change. */
  private static final Set<String> RETURN_NOTE = Set.of("returnedBy", "returnedAt", "returnComment");

  private static final Map<String, Map<String, Kind>> BY_PROCESS = Map.of(
      "project-proposal", kinds(Set.of("productId", "proposer"),
          union(union(CHECK_RESULTS, RETURN_NOTE), Set.of("checkPassed", "checkSummary", "checkGapCount"))),
      "level-change", kinds(levelIdentity(),
          union(union(CHECK_RESULTS, RETURN_NOTE), Set.of("levelCheckPassed", "levelCheckSummary"))),
      "annual-evaluation", kinds(levelIdentity(),
          union(CHECK_RESULTS, Set.of("levelCheckPassed", "levelCheckSummary"))),
      "criteria-change", kinds(Set.of("catalogueId", "proposer"), union(union(CHECK_RESULTS, RETURN_NOTE),
          Set.of("productName", "proposedVersion", "baseVersion", "changeSummary", "impactSummary", "changeLink",
              "productCriteriaChanged", "operationsCriteriaChanged"))),
      // What the bodies are shown they decide on (the draft, its document and majority rule), and the
      // meeting a minutes task belongs to: set when the process starts and registers, never after.
      "statutes-change", kinds(Set.of("draftId", "documentKind", "documentTitle", "drafter", "majorityRule",
          "diffLink"), Set.of()),
      "governance-meeting", kinds(Set.of("meetingBody", "plannedBy", "meetingId", "meetingTitle", "minutesLink",
          "agendaAt", "meetingStartsAt"), Set.of()));

  private ProtectedVariables() {}

  /** The kind of protection of a variable in a process definition, or {@code null} if none. */
  static Kind of(String processDefinitionKey, String variableName) {
    Map<String, Kind> names = BY_PROCESS.get(processDefinitionKey);
    return names == null ? null : names.get(variableName);
  }

  private static Set<String> levelIdentity() {
    return Set.of("productId", "proposer", "applicant", "requestedLevel", "currentLevel", "direction",
        "steeringGroup", "selfAssessmentGroup");
  }

  private static Map<String, Kind> kinds(Set<String> identity, Set<String> computed) {
    java.util.HashMap<String, Kind> map = new java.util.HashMap<>();
    identity.forEach(name -> map.put(name, Kind.IDENTITY));
    computed.forEach(name -> map.put(name, Kind.COMPUTED));
    return Map.copyOf(map);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
