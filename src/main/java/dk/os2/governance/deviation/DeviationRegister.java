package dk.os2.governance.deviation;

import dk.os2.governance.criteria.SelfAssessmentCheck;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The deviation register. The automated checks (a proposal's, a level change's, an evaluation's)
 * ask it which of a product's deviations have expired before they check, and enter the deviations
 * the checked self-assessment documents afterwards: a new one with its default owner and expiry, an
 * open one keeps its owner and expiry and takes the latest reason. An expired deviation is not
 * entered again: it counts red until the secretariat extends or closes it.
 */
@Service
public class DeviationRegister implements Deviations {

  private final DeviationStore store;
  private final Portfolio portfolio;
  private final IdentityService identity;
  private final Period validity;

  DeviationRegister(DeviationStore store, Portfolio portfolio, IdentityService identity,
      @Value("${os2.deviation.validity:P1Y}") Period validity) {
    this.store = store;
    this.portfolio = portfolio;
    this.identity = identity;
    this.validity = validity;
  }

  /** The product's open deviations past their expiry date: criterion id to the day it expired. */
  public Map<String, LocalDate> expired(String productId) {
    LocalDate today = ProcessClock.today();
    Map<String, LocalDate> expired = new LinkedHashMap<>();
    store.forProduct(productId).stream()
        .filter(r -> DeviationStore.OPEN.equals(r.status()) && r.expiresOn().isBefore(today))
        .forEach(r -> expired.put(r.criterionId(), r.expiresOn()));
    return expired;
  }

  /** Enters a proposal's checked deviations; a new one is owned by the proposer. */
  public void fromProposalCheck(String productId, SelfAssessmentCheck.Result result, String proposer,
      String processInstanceId) {
    boolean person = proposer != null && !proposer.isBlank();
    enter(productId, result, person ? proposer : Body.FORRETNINGSLEDELSE.groupId(), !person, processInstanceId);
  }

  /** Enters a level change's or an evaluation's checked deviations; a new one is owned by the steering group. */
  public void fromLevelCheck(String productId, SelfAssessmentCheck.Result result, String processInstanceId) {
    enter(productId, result, GroupKind.STEERING.groupId(productId), true, processInstanceId);
  }

  private void enter(String productId, SelfAssessmentCheck.Result result, String ownerId, boolean ownerIsGroup,
      String processInstanceId) {
    LocalDate today = ProcessClock.today();
    for (SelfAssessmentCheck.Finding finding : result.deviations()) {
      store.open(productId, finding.criterionId()).ifPresentOrElse(
          open -> {
            if (!Objects.equals(open.reason(), finding.deviation())) {
              store.reason(open.id(), finding.deviation(), finding.title());
            }
          },
          () -> store.insert(productId, finding.criterionId(), finding.title(), result.catalogueReference(),
              finding.deviation(), ownerId, ownerIsGroup, today.plus(validity), today, processInstanceId));
    }
  }

  @Override
  public List<Deviation> forProduct(String productId) {
    return view(store.forProduct(productId)).stream()
        .sorted(Comparator.comparing((Deviation d) -> d.state() == Deviation.State.CLOSED)
            .thenComparing(Deviation::expiresOn))
        .toList();
  }

  @Override
  public List<Deviation> openExpiringBy(LocalDate until) {
    return view(store.openExpiringBy(until));
  }

  @Override
  public ExpiryCounts countOpenExpiringBy(LocalDate today, LocalDate until) {
    return store.countOpenExpiringBy(today, until);
  }

  /** Every deviation of the portfolio, by expiry date. */
  List<Deviation> all() {
    return view(store.all());
  }

  Deviation deviation(String id) {
    return store.find(id).map(r -> view(List.of(r)).get(0))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Afvigelsen findes ikke."));
  }

  /**
   * The secretariat gives a deviation another owner (a Camunda user or group id) and expiry date
   * ({@code dd-mm-åååå}, today or later). Every problem is named in Danish, and nothing changes.
   */
  @Transactional
  public void change(String id, String owner, String expiry) {
    requireSecretariat();
    DeviationStore.Row row = openRow(id);
    List<String> problems = new ArrayList<>();
    String ownerId = owner == null ? "" : owner.trim();
    Boolean isGroup = null;
    if (ownerId.isEmpty()) {
      problems.add("Skriv afvigelsens ejer: en brugers eller en gruppes id (fx styregruppens eller 'forretningsledelse').");
    } else {
      isGroup = ownerKind(ownerId);
      if (isGroup == null) {
        problems.add("Ejeren '" + ownerId + "' findes hverken som bruger eller som gruppe.");
      }
    }
    LocalDate expiresOn = null;
    if (expiry == null || expiry.isBlank()) {
      problems.add("Udløbsdatoen skal udfyldes som dd-mm-åååå, fx 03-11-2026.");
    } else {
      List<String> format = MeetingDate.formatProblems("Udløbsdatoen", expiry);
      if (!format.isEmpty()) {
        problems.addAll(format);
      } else {
        expiresOn = MeetingDate.parse(expiry);
        if (expiresOn.isBefore(ProcessClock.today())) {
          problems.add("Udløbsdatoen kan ikke ligge før i dag (" + MeetingDate.danish(expiresOn) + ").");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", problems));
    }
    store.change(row.id(), ownerId, isGroup, expiresOn);
  }

  /** The secretariat closes a deviation: it no longer stands in, and the next check enters it anew if documented. */
  @Transactional
  public void close(String id) {
    requireSecretariat();
    DeviationStore.Row row = openRow(id);
    store.close(row.id(), ProcessClock.today(), Access.userId(identity));
  }

  private DeviationStore.Row openRow(String id) {
    DeviationStore.Row row = store.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Afvigelsen findes ikke."));
    if (DeviationStore.CLOSED.equals(row.status())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Afvigelsen er lukket og kan ikke ændres.");
    }
    return row;
  }

  private void requireSecretariat() {
    Access.requireSecretariat(identity, "Kun sekretariatet kan ændre eller lukke afvigelser.");
  }

  /** True for a group, false for a user, null when neither exists. */
  private Boolean ownerKind(String ownerId) {
    return Access.asSystem(identity, () -> {
      if (identity.createGroupQuery().groupId(ownerId).count() > 0) {
        return Boolean.TRUE;
      }
      return identity.createUserQuery().userId(ownerId).count() > 0 ? Boolean.FALSE : null;
    });
  }

  List<Deviation> view(List<DeviationStore.Row> rows) {
    LocalDate today = ProcessClock.today();
    Map<String, String> products = new HashMap<>();
    Map<String, String> owners = new HashMap<>();
    Function<String, String> productName = id -> products.computeIfAbsent(id,
        p -> portfolio.product(p).map(Product::name).orElse("(ukendt produkt)"));
    List<Deviation> views = new ArrayList<>();
    for (DeviationStore.Row r : rows) {
      Deviation.State state = DeviationStore.CLOSED.equals(r.status()) ? Deviation.State.CLOSED
          : r.expiresOn().isBefore(today) ? Deviation.State.EXPIRED : Deviation.State.OPEN;
      String ownerName = owners.computeIfAbsent((r.ownerIsGroup() ? "g:" : "u:") + r.ownerId(),
          k -> ownerName(r.ownerId(), r.ownerIsGroup()));
      views.add(new Deviation(r.id(), r.productId(), productName.apply(r.productId()), r.criterionId(),
          r.criterionTitle(), r.catalogueReference(), r.reason(), r.ownerId(), r.ownerIsGroup(), ownerName,
          r.expiresOn(), state, r.createdOn(), r.createdBy(), r.closedOn(), r.closedBy()));
    }
    return views;
  }

  String ownerName(String ownerId, boolean group) {
    if (group) {
      return Body.danishNameOf(ownerId);
    }
    User user = Access.asSystem(identity, () -> identity.createUserQuery().userId(ownerId).singleResult());
    if (user == null) {
      return ownerId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? ownerId : name + " (" + ownerId + ")";
  }
}
