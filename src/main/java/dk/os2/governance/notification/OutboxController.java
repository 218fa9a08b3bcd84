package dk.os2.governance.notification;

import dk.os2.governance.identity.Access;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox for the secretariat: every mail with its status, held mails (no SMTP configured)
 * and failed mails (retries used up), and a button that sends one again.
 */
@Controller
class OutboxController {

  private final Outbox outbox;
  private final MailQueue queue;
  private final IdentityService identity;

  OutboxController(Outbox outbox, MailQueue queue, IdentityService identity) {
    this.outbox = outbox;
    this.queue = queue;
    this.identity = identity;
  }

  @GetMapping("/app/udbakke")
  String page(Model model) {
    requireSecretariat();
    model.addAttribute("mails", outbox.latest(500));
    return "outbox";
  }

  @GetMapping("/api/outbox")
  @ResponseBody
  List<OutboxEntry> list() {
    requireSecretariat();
    return outbox.latest(500);
  }

  @PostMapping({"/app/udbakke/{id}/send-igen", "/api/outbox/{id}/resend"})
  String resend(@PathVariable String id) {
    requireSecretariat();
    OutboxEntry entry = outbox.entry(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Mailen findes ikke."));
    if (entry.status() != MailStatus.FAILED && entry.status() != MailStatus.HELD) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Kun fejlede eller tilbageholdte mails kan sendes igen.");
    }
    queue.requeue(id);
    return "redirect:/app/udbakke";
  }

  private void requireSecretariat() {
    Access.requireSecretariat(identity, "Kun sekretariatet kan se udbakken.");
  }
}
