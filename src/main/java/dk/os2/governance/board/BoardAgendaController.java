package dk.os2.governance.board;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The board meeting's agenda, for the secretariat that prepares it and the board that meets. */
@Controller
class BoardAgendaController {

  private final BoardAgenda agenda;
  private final IdentityService identity;

  BoardAgendaController(BoardAgenda agenda, IdentityService identity) {
    this.agenda = agenda;
    this.identity = identity;
  }

  @GetMapping("/api/board-agenda")
  @ResponseBody
  BoardAgenda.Agenda json() {
    requireSecretariatOrBoard();
    // For API clients an absolute link, derived from the address they asked by.
    return agenda.agenda(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
  }

  @GetMapping("/app/bestyrelsesmoede")
  String page(Model model, HttpServletRequest request) {
    requireSecretariatOrBoard();
    // On the page a path of this site: the link works on whatever address the page was reached by.
    model.addAttribute("agenda", agenda.agenda(request.getContextPath()));
    return "board-agenda";
  }

  private void requireSecretariatOrBoard() {
    if (!Access.isSecretariat(identity) && !Access.groups(identity).contains(Body.BESTYRELSE.groupId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Kun sekretariatet og bestyrelsen ser dagsordenen.");
    }
  }
}
