package dk.os2.governance.levels;

import dk.os2.governance.evaluation.ImportException;
import dk.os2.governance.identity.Access;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page a self-assessment task's form links to (Tasklist's forms have no file picker): the task's
 * group uploads or pastes the JSON that OS2's self-assessment form exported, and then reviews the
 * answers in the task's form before completing it.
 */
@Controller
class TaskSelfAssessmentPage {

  private final TaskSelfAssessments uploads;
  private final IdentityService identity;

  TaskSelfAssessmentPage(TaskSelfAssessments uploads, IdentityService identity) {
    this.uploads = uploads;
    this.identity = identity;
  }

  @GetMapping("/app/opgaver/{taskId}/selvevaluering")
  String page(@PathVariable String taskId, Model model) {
    return show(uploads.require(taskId, Access.userId(identity)), model);
  }

  @PostMapping("/app/opgaver/{taskId}/selvevaluering")
  String upload(@PathVariable String taskId, @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "json", required = false) String pasted, Model model, HttpServletResponse response)
      throws IOException {
    TaskSelfAssessments.Target target = uploads.require(taskId, Access.userId(identity));
    String body = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : pasted;
    if (body == null || body.isBlank()) {
      model.addAttribute("errors", List.of("Vælg den JSON-fil, OS2's selvevaluering har eksporteret, eller indsæt dens indhold."));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(target, model);
    }
    try {
      model.addAttribute("result", uploads.upload(target, body));
    } catch (ImportException e) {
      model.addAttribute("errors", e.problems());
      model.addAttribute("pasted", pasted);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return show(target, model);
  }

  private String show(TaskSelfAssessments.Target target, Model model) {
    model.addAttribute("target", target);
    model.addAttribute("tasklistLink", "/camunda/app/tasklist/default/#/?task=" + target.task().getId());
    return "task-self-assessment";
  }
}
