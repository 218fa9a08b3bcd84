package dk.os2.governance.board;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.portfolio.PortfolioList;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board meeting's agenda, for the secretariat that prepares it and the board that meets, one
 * page at a time: {@code kind} ({@code decision} or {@code standing}; both when left out),
 * {@code page} (the first is 1) and {@code size} (1 to 500, 50 when left out).
 */
@Controller
class BoardAgendaController {

  static final String PATH = "/app/bestyrelsesmoede";
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  private static final Map<String, BoardAgenda.Kind> KINDS = Map.of(
      "decision", BoardAgenda.Kind.DECISION, "standing", BoardAgenda.Kind.STANDING);

  /** A link to another page of the agenda; {@code link} is null for the page shown. */
  record PageLink(String label, String link) {}

  private record Request(BoardAgenda.Kind kind, String kindKey, int page, int size) {}

  private final BoardAgenda agenda;
  private final IdentityService identity;
  private final MessageSource messages;

  BoardAgendaController(BoardAgenda agenda, IdentityService identity, MessageSource messages) {
    this.agenda = agenda;
    this.identity = identity;
    this.messages = messages;
  }

  @GetMapping("/api/board-agenda")
  @ResponseBody
  BoardAgenda.Page json(@RequestParam Map<String, String> parameters) {
    requireSecretariatOrBoard();
    Request request = read(parameters);
    // For API clients an absolute link, derived from the address they asked by.
    return agenda.page(request.kind(), request.page(), request.size(),
        ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
  }

  @GetMapping(PATH)
  String page(@RequestParam Map<String, String> parameters, Model model, HttpServletRequest http) {
    requireSecretariatOrBoard();
    Request request = read(parameters);
    // On the page a path of this site: the link works on whatever address the page was reached by.
    BoardAgenda.Page page = agenda.page(request.kind(), request.page(), request.size(), http.getContextPath());
    model.addAttribute("agenda", page);
    model.addAttribute("kind", request.kindKey());
    model.addAttribute("all", link(null, 1, request.size()));
    model.addAttribute("onlyDecisions", link("decision", 1, request.size()));
    model.addAttribute("onlyStanding", link("standing", 1, request.size()));
    model.addAttribute("pageLinks", pageLinks(request, page));
    return "board-agenda";
  }

  private Request read(Map<String, String> parameters) {
    List<String> problems = new ArrayList<>();
    String kindKey = given(parameters, "kind");
    BoardAgenda.Kind kind = null;
    if (kindKey != null) {
      kind = KINDS.get(kindKey.toLowerCase(Locale.ROOT));
      if (kind == null) {
        problems.add(text("board.refusal.kind", kindKey));
      }
    }
    int page = number(parameters, "page", 1, Integer.MAX_VALUE / MAX_SIZE, 1, "board.refusal.page", problems);
    int size = number(parameters, "size", 1, MAX_SIZE, DEFAULT_SIZE, "board.refusal.size", problems);
    if (!problems.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", problems));
    }
    return new Request(kind, kind == null ? null : kindKey.toLowerCase(Locale.ROOT), page, size);
  }

  private static String given(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private int number(Map<String, String> parameters, String name, int min, int max, int fallback, String key,
      List<String> problems) {
    String value = given(parameters, name);
    return value == null ? fallback : PortfolioList.bounded(value, min, max).orElseGet(() -> {
      problems.add(text(key, value));
      return fallback;
    });
  }

  /** The previous and next page, the first and last, and up to three pages either side of this one. */
  private static List<PageLink> pageLinks(Request request, BoardAgenda.Page page) {
    List<PageLink> links = new ArrayList<>();
    int pages = page.pages();
    int from = Math.max(1, page.page() - 3);
    int to = Math.min(pages, page.page() + 3);
    if (page.page() > 1) {
      links.add(new PageLink("« Forrige", link(request.kindKey(), page.page() - 1, request.size())));
    }
    if (from > 1) {
      links.add(new PageLink("1", link(request.kindKey(), 1, request.size())));
    }
    for (int p = from; p <= to; p++) {
      links.add(new PageLink(String.valueOf(p), p == page.page() ? null : link(request.kindKey(), p, request.size())));
    }
    if (to < pages) {
      links.add(new PageLink(String.valueOf(pages), link(request.kindKey(), pages, request.size())));
    }
    if (page.page() < pages) {
      links.add(new PageLink("Næste »", link(request.kindKey(), page.page() + 1, request.size())));
    }
    return links;
  }

  /** The page's path with only the parameters that differ from the defaults. */
  private static String link(String kind, int page, int size) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (kind != null) {
      parameters.put("kind", kind);
    }
    if (page > 1) {
      parameters.put("page", page);
    }
    if (size != DEFAULT_SIZE) {
      parameters.put("size", size);
    }
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
    parameters.forEach(uri::queryParam);
    return uri.build().toUriString();
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, Locale.forLanguageTag("da"));
  }

  private void requireSecretariatOrBoard() {
    if (!Access.isSecretariat(identity) && !Access.groups(identity).contains(Body.BESTYRELSE.groupId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Kun sekretariatet og bestyrelsen ser dagsordenen.");
    }
  }
}
