package dk.os2.governance.board;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The board meeting's agenda, for the secretariat that prepares it and the board that meets. */
@Controller
class BoardAgendaController {

  private final BoardAgenda agenda;
  private final IdentityService identity;
  private final String baseUrl;

  BoardAgendaController(BoardAgenda agenda, IdentityService identity, @Value("${os2.base-url}") String baseUrl) {
    this.agenda = agenda;
    this.identity = identity;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  @GetMapping("/api/board-agenda")
  @ResponseBody
  BoardAgenda.Agenda json() {
    requireSecretariatOrBoard();
    return agenda.agenda(baseUrl);
  }

  @GetMapping("/app/bestyrelsesmoede")
  String page(Model model) {
    requireSecretariatOrBoard();
    model.addAttribute("agenda", agenda.agenda(baseUrl));
    return "board-agenda";
  }

  private void requireSecretariatOrBoard() {
    if (!Access.isSecretariat(identity) && !Access.groups(identity).contains(Body.BESTYRELSE.groupId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Kun sekretariatet og bestyrelsen ser dagsordenen.");
    }
  }
}
