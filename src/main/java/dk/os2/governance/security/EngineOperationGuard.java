package dk.os2.governance.security;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Sees every request to the engine's REST resources after JAX-RS has resolved it to a resource
 * method, in both JAX-RS applications that reach the engine: {@code /engine-rest} (and its alias
 * {@code /engine-rest/engine/{name}}) and the webapps' {@code /camunda/api/engine/engine/{name}}.
 * Whatever URL spelling reached an operation, the same {@link EngineOperations} rules apply to it.
 * Installed into every Jersey application by {@link EngineOperationGuardFeature}.
 */
@Priority(Priorities.AUTHORIZATION)
public class EngineOperationGuard implements ContainerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineOperationGuard.class);
  /** Marks a refusal of this guard, whose Danish answer no later filter rewrites. */
  static final String OWN_REFUSAL = EngineOperationGuard.class.getName() + ".refusal";

  @Context
  private ResourceInfo resourceInfo;

  @Context
  private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
      return;
    }
    WebApplicationContext context =
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletRequest.getServletContext());
    EngineOperations operations = context.getBean(EngineOperations.class);
    Refusals refusals = context.getBean(Refusals.class);
    byte[][] body = new byte[1][];
    EngineOperations.Call call = new EngineOperations.Call(request.getMethod(),
        typeNames(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod().getDeclaringClass()),
        resourceInfo.getResourceMethod().getName(), first(request.getUriInfo().getPathParameters()),
        request.getUriInfo().getQueryParameters().keySet(), () -> {
          if (body[0] == null) {
            body[0] = readBody(request);
          }
          return body[0];
        });
    // A task's completion or claim and a start form are checked with several reads (task, candidate
    // groups, form, definition): one transaction for them all instead of one each. Other calls read
    // at most one row, or none, and open none.
    Optional<EngineOperations.Refusal> refusal = readsSeveral(call)
        ? OneTransaction.run(context.getBean(PlatformTransactionManager.class), () -> operations.check(call))
        : operations.check(call);
    if (body[0] != null && body[0] != TOO_LARGE) {
      request.setEntityStream(new ByteArrayInputStream(body[0]));
    }
    if (body[0] == TOO_LARGE) {
      refusal = Optional.of(new EngineOperations.Refusal(413, refusals.text("engine.tooLarge"), List.of()));
    }
    if (refusal.isPresent()) {
      request.setProperty(OWN_REFUSAL, Boolean.TRUE);
      LOG.info("Refused {} {} ({}.{}): {} {}", request.getMethod(), request.getUriInfo().getPath(),
          resourceInfo.getResourceClass().getSimpleName(), call.method(), refusal.get().status(),
          refusal.get().message());
      request.abortWith(error(refusals, refusal.get()));
    }
  }

  private static boolean readsSeveral(EngineOperations.Call call) {
    return call.is("TaskResource", "submit", "complete", "claim") || call.is("ProcessDefinitionResource", "submitForm");
  }

  private static final byte[] TOO_LARGE = new byte[0];

  private static byte[] readBody(ContainerRequestContext request) {
    if (!request.hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = request.getEntityStream()) {
      byte[] bytes = in.readNBytes(EngineOperations.MAX_BODY + 1);
      return bytes.length > EngineOperations.MAX_BODY ? TOO_LARGE : bytes;
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** Camunda's error shape, which Tasklist shows, from the one place that shapes refusals. */
  private static Response error(Refusals refusals, EngineOperations.Refusal refusal) {
    String type = refusal.status() == 403 ? "AuthorizationException" : "InvalidRequestException";
    return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(refusals.camundaJson(type, refusal.message(), null, refusal.details())).build();
  }

  /** The simple names of a resource class, its superclasses and all their interfaces. */
  static Set<String> typeNames(Class<?>... classes) {
    Set<String> names = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    for (Class<?> type : classes) {
      if (type != null) {
        todo.add(type);
      }
    }
    while (!todo.isEmpty()) {
      Class<?> type = todo.poll();
      if (type == Object.class || !names.add(type.getSimpleName())) {
        continue;
      }
      if (type.getSuperclass() != null) {
        todo.add(type.getSuperclass());
      }
      todo.addAll(List.of(type.getInterfaces()));
    }
    return names;
  }

  private static Map<String, String> first(MultivaluedMap<String, String> parameters) {
    Map<String, String> values = new LinkedHashMap<>();
    parameters.forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.get(0)));
    return values;
  }
}
