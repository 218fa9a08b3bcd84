package dk.os2.governance.levels;

import dk.os2.governance.evaluation.EvaluationDetails;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A product's history as people read it, newest first: every decision and recommendation of a
 * body, every evaluation, and every documented deviation an evaluation recorded (a yellow light
 * with its rationale). Codes become their Danish labels from the message source, bodies their
 * Danish names and people their names.
 */
@Component
class ProductTimeline {

  static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
  private static final Locale DANISH = Locale.forLanguageTag("da");

  /** One dated line of the timeline; {@code kind} is decision, evaluation or deviation. */
  record Entry(LocalDate date, String kind, String kindLabel, String body, String person, String what,
      String level, String text, String justification, String reference, String link, long order) {

    /** A meeting's minutes document named in the minutes reference (module meeting writes it so), or null. */
    public String minutesLink() {
      java.util.regex.Matcher m = reference == null ? null : MINUTES_DOCUMENT.matcher(reference);
      return m != null && m.find() ? m.group() : null;
    }
  }

  private static final java.util.regex.Pattern MINUTES_DOCUMENT =
      java.util.regex.Pattern.compile("/app/moeder/[0-9a-f-]{36}/referat/dokument");

  private final Portfolio portfolio;
  private final Evaluations evaluations;
  private final IdentityService identity;
  private final MessageSource messages;

  ProductTimeline(Portfolio portfolio, Evaluations evaluations, IdentityService identity, MessageSource messages) {
    this.portfolio = portfolio;
    this.evaluations = evaluations;
    this.identity = identity;
    this.messages = messages;
  }

  List<Entry> of(String productId, List<EvaluationDetails> evaluationsOfProduct) {
    List<Decision> decisions = portfolio.decisions(productId);
    Map<String, String> names = names(decisions.stream().map(Decision::decidedBy).toList());
    List<Entry> entries = new ArrayList<>();
    for (Decision d : decisions) {
      // A board decision is dated by its meeting; the rest by when they were recorded.
      LocalDate date = d.meetingDate() != null ? d.meetingDate() : d.decidedAt().atZone(DENMARK).toLocalDate();
      String text = d.rationale();
      entries.add(new Entry(date, "decision", label("timeline.decision", "Beslutning"), bodyName(d.body()),
          names.getOrDefault(d.decidedBy(), d.decidedBy()), label("outcome." + d.outcome(), d.outcome()),
          levelLabel(d.level()), text, d.justification(), d.minutesReference(), null,
          d.decidedAt().toEpochMilli()));
    }
    for (EvaluationDetails e : evaluationsOfProduct) {
      LocalDate date = e.evaluatedOn();
      long order = date == null ? 0 : date.atStartOfDay(DENMARK).toInstant().toEpochMilli();
      String what = label("source." + e.source(), e.source()) + " efter " + e.catalogue().id() + " "
          + e.catalogue().version();
      String indicative = "Vejledende niveau: " + (e.indicativeLevel() == null ? label("level.none", "intet niveau")
          : e.indicativeLevel());
      entries.add(new Entry(date, "evaluation", label("timeline.evaluation", "Evaluering"), null,
          names.getOrDefault(e.author(), e.author()), what, levelLabel(e.statedLevel()), indicative, null, null,
          evaluations.reportLink(e.id()), order));
      for (EvaluationDetails.Theme theme : e.themes()) {
        for (EvaluationDetails.Item item : theme.items()) {
          if ("YELLOW".equals(item.light())) {
            entries.add(new Entry(date, "deviation", label("timeline.deviation", "Dokumenteret afvigelse"), null,
                null, item.criterionId() + " " + item.title(), levelLabel(item.level()), item.rationale(), null,
                null, evaluations.reportLink(e.id()), order - 1));
          }
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::date, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingLong(Entry::order).reversed());
    return entries;
  }

  /** Names of people by login, where the identity service has one (first and last name). */
  Map<String, String> names(Collection<String> userIds) {
    List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    List<User> users = Access.asSystem(identity,
        () -> identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list());
    for (User u : users) {
      String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
          + (u.getLastName() == null ? "" : u.getLastName())).trim();
      if (!name.isEmpty()) {
        names.put(u.getId(), name);
      }
    }
    return names;
  }

  /** A body's or product group's Danish name; the id only for a group that is neither. */
  String bodyName(String groupId) {
    String label = messages.getMessage("body." + groupId, null, null, DANISH);
    return label != null ? label : Body.danishNameOf(groupId);
  }

  /** "N2 – i brug i flere kommuner"; a level the messages do not know is shown as it is. */
  String levelLabel(String level) {
    return level == null || level.isBlank() ? null : label("level." + level, level);
  }

  String label(String key, String fallback) {
    return messages.getMessage(key, null, fallback, DANISH);
  }
}
