package dk.os2.governance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes two holes of Camunda 7.24.0 community edition whose fixes ship only in enterprise
 * patches:
 *
 * <ul>
 *   <li>CVE-2026-77226: the Admin app's first-run setup endpoint creates an administrator
 *       without login while the camunda-admin group is empty. Here the first administrator comes
 *       from configuration, so the endpoint is closed for good.
 *   <li>CVE-2026-109432: expressions (dueAfterExpression and the like) inside a task query's
 *       orQueries are evaluated for any logged-in user. Task and filter requests that carry any
 *       *Expression parameter are refused, on the REST API and on the webapps' own API.
 * </ul>
 */
public class SecurityGuardFilter extends OncePerRequestFilter {

  private static final Pattern ADMIN_SETUP = Pattern.compile("^/camunda/api/admin/setup(/.*)?$");
  private static final Pattern TASK_OR_FILTER_QUERY =
      Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/(task|filter)(/.*)?$");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (ADMIN_SETUP.matcher(path).matches()) {
      ApiErrors.write(response, 403,
          "Opsætning af den første administrator via webappen er slået fra. "
              + "Administratoren oprettes fra OS2_ADMIN_USER og OS2_ADMIN_PASSWORD.", null);
      return;
    }
    if (!TASK_OR_FILTER_QUERY.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (isExpressionKey(parameter.getKey())) {
        refuseExpression(response);
        return;
      }
    }
    if (!hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request);
    if (cached == null) {
      ApiErrors.write(response, 413, "Forespørgslen er for stor.", null);
      return;
    }
    if (cached.body().length > 0 && containsExpressionKey(cached.body())) {
      refuseExpression(response);
      return;
    }
    chain.doFilter(cached, response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method);
  }

  private boolean containsExpressionKey(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      return false; // not JSON: the API rejects it itself
    }
    return containsExpressionKey(root);
  }

  private static boolean containsExpressionKey(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isExpressionKey(field.getKey()) || containsExpressionKey(field.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (containsExpressionKey(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isExpressionKey(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  private static void refuseExpression(HttpServletResponse response) throws IOException {
    ApiErrors.write(response, 400,
        "Udtryk (expressions) i opgave- og filterforespørgsler er ikke tilladt.", null);
  }
}
