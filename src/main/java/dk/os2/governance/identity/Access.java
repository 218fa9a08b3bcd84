package dk.os2.governance.identity;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Who may do what on the application's own pages and API (the engine guards its own). */
public final class Access {

  private Access() {}

  public static String userId(IdentityService identity) {
    Authentication user = identity.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  public static List<String> groups(IdentityService identity) {
    Authentication user = identity.getCurrentAuthentication();
    return user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  /** The secretariat, or an administrator. */
  public static boolean isSecretariat(IdentityService identity) {
    List<String> groups = groups(identity);
    return groups.contains(Body.FORRETNINGSLEDELSE.groupId()) || groups.contains(Groups.CAMUNDA_ADMIN);
  }

  /**
   * Runs identity and engine look-ups on the application's behalf, after the application has
   * decided that the caller may do what they asked: inside an engine command without its
   * authorization checks, elsewhere without the caller's authentication.
   */
  public static <T> T asSystem(IdentityService identity, Supplier<T> work) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      return command.runWithoutAuthorization(work::get);
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }

  public static void asSystem(IdentityService identity, Runnable work) {
    asSystem(identity, () -> {
      work.run();
      return null;
    });
  }

  public static void requireSecretariat(IdentityService identity, String message) {
    if (!isSecretariat(identity)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, message);
    }
  }
}
