package dk.os2.governance.reporting;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The report packs: the secretariat (or the board, or the general assembly) chooses a period with
 * Danish dates and gets the board's portfolio report or the general assembly's annual report as a
 * printable page ({@code /app/rapporter/bestyrelse?fra=…&til=…}) and as a PDF of the same template
 * ({@code /app/rapporter/bestyrelse.pdf?…}). Nobody else may open them.
 */
@Controller
class ReportController {

  private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
  private static final Locale DANISH = Locale.forLanguageTag("da");

  private final ReportPacks packs;
  private final ReportPdf pdf;
  private final IdentityService identity;
  private final MessageSource messages;

  ReportController(ReportPacks packs, ReportPdf pdf, IdentityService identity, MessageSource messages) {
    this.packs = packs;
    this.pdf = pdf;
    this.identity = identity;
    this.messages = messages;
  }

  /** A period as typed: from and to; problems in Danish, at the fields they concern. */
  record Period(String from, String to, LocalDate fromDate, LocalDate toDate, List<String> problems) {

    static Period read(String from, String to) {
      List<String> problems = new ArrayList<>();
      problems.addAll(date("Fra-datoen", from));
      problems.addAll(date("Til-datoen", to));
      LocalDate f = problems.isEmpty() ? MeetingDate.parse(from) : null;
      LocalDate t = problems.isEmpty() ? MeetingDate.parse(to) : null;
      if (f != null && t != null && f.isAfter(t)) {
        problems.add("Fra-datoen (" + MeetingDate.danish(f) + ") ligger efter til-datoen (" + MeetingDate.danish(t)
            + "). Vælg en periode, der begynder før den slutter.");
      }
      return new Period(from, to, f, t, problems);
    }

    private static List<String> date(String label, String text) {
      return text == null || text.isBlank() ? List.of(label + " skal udfyldes som dd-mm-åååå, fx 01-01-2026.")
          : MeetingDate.formatProblems(label, text);
    }
  }

  @GetMapping("/app/rapporter")
  String choose(Model model) {
    requireReader();
    LocalDate today = LocalDate.now(DENMARK);
    model.addAttribute("from", MeetingDate.danish(today.withDayOfYear(1)));
    model.addAttribute("to", MeetingDate.danish(today));
    return "reports";
  }

  @GetMapping("/app/rapporter/{kind}")
  String page(@PathVariable String kind, @RequestParam(name = "fra", required = false) String from,
      @RequestParam(name = "til", required = false) String to, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    requireReader();
    ReportPacks.Kind which = kind(kind);
    Period period = Period.read(from, to);
    if (!period.problems().isEmpty()) {
      // The choice page again, with what was typed and why it was not read.
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      model.addAttribute("errors", period.problems());
      return "reports";
    }
    model.addAttribute("report", packs.report(which, period.fromDate(), period.toDate(), LocalDate.now(DENMARK)));
    model.addAttribute("pdf", false);
    model.addAttribute("kindPath", which.path());
    model.addAttribute("fra", MeetingDate.danish(period.fromDate()));
    model.addAttribute("til", MeetingDate.danish(period.toDate()));
    return "report-pack";
  }

  @GetMapping("/app/rapporter/{kind}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String kind, @RequestParam(name = "fra", required = false) String from,
      @RequestParam(name = "til", required = false) String to) {
    requireReader();
    ReportPacks.Kind which = kind(kind);
    Period period = Period.read(from, to);
    if (!period.problems().isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", period.problems()));
    }
    ReportPacks.Report report = packs.report(which, period.fromDate(), period.toDate(), LocalDate.now(DENMARK));
    String file = "os2-" + which.path() + "-" + period.fromDate() + "-" + period.toDate() + ".pdf";
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", ContentDisposition.attachment().filename(file).build().toString())
        .header("Cache-Control", "no-store").body(pdf.render(report));
  }

  private static ReportPacks.Kind kind(String path) {
    return ReportPacks.Kind.byPath(path).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** The secretariat, the board and the general assembly; a Danish 403 for anyone else. */
  private void requireReader() {
    List<String> groups = Access.groups(identity);
    if (!Access.isSecretariat(identity) && !groups.contains(Body.BESTYRELSE.groupId())
        && !groups.contains(Body.GENERALFORSAMLING.groupId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          messages.getMessage("report.forbidden", null, "Ingen adgang.", DANISH));
    }
  }
}
