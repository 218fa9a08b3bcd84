package dk.os2.governance.levels;

import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.integrity.SystemWrites;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Processes started before the forms' report links became paths of this site still hold an
 * absolute link built from {@code os2.base-url} ({@code http://host:port/app/evalueringer/{id}}),
 * which points at another address (with the default settings another port) and leaves the site
 * the user is on. At start-up every running process's {@code reportLink} of that shape is rewritten
 * to its evaluation's path ({@link Evaluations#reportLink}), as the system's own write (the
 * variable is a protected check result). A path is left alone, so running it again changes nothing.
 */
@Component
class RelativeReportLinks {

  private static final Logger LOG = LoggerFactory.getLogger(RelativeReportLinks.class);
  static final String VARIABLE = "reportLink";

  /** Scheme and host, any path before the report's, and the evaluation's id. */
  private static final Pattern ABSOLUTE = Pattern.compile(
      "^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+(?:/.*)?/app/evalueringer/([0-9A-Za-z-]+)/?$");

  private final RuntimeService runtime;
  private final Evaluations evaluations;

  RelativeReportLinks(RuntimeService runtime, Evaluations evaluations) {
    this.runtime = runtime;
    this.evaluations = evaluations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartup() {
    int rewritten = rewrite();
    if (rewritten > 0) {
      LOG.info("Rewrote {} absolute report link(s) of running processes to paths of this site", rewritten);
    }
  }

  /** Rewrites every absolute report link of a running process; returns how many it rewrote. */
  int rewrite() {
    int count = 0;
    for (VariableInstance variable : runtime.createVariableInstanceQuery().variableName(VARIABLE).list()) {
      if (!(variable.getValue() instanceof String link) || variable.getTaskId() != null) {
        continue;
      }
      Matcher absolute = ABSOLUTE.matcher(link.trim());
      if (absolute.matches()) {
        String path = evaluations.reportLink(absolute.group(1));
        SystemWrites.run(() -> runtime.setVariableLocal(variable.getExecutionId(), VARIABLE, path));
        count++;
      }
    }
    return count;
  }
}
