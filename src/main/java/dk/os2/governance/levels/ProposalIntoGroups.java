package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.LevelChanged;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the board approves a proposal, what the proposal already said is carried into the product,
 * so its page does not list gaps the proposal answered: the proposing municipality joins the
 * municipalities using the product (the participating ones are there since registration); at N2
 * and above the proposer joins the coordination group as its municipality, and a self-assessment
 * that answered the single-code-version criterion "Ja" declares one code version. The suppliers
 * the proposal names join the coordination group as organisations without a login (the
 * secretariat may add their contact person later); an organisation already there, on its own or
 * as a member's organisation, is not added twice. Listens synchronously: it commits or rolls back
 * with the approval.
 */
@Component
class ProposalIntoGroups {

  /** The catalogue's criterion "only one version of the code" (the seed's N2 criterion). */
  static final String SINGLE_CODE_VERSION = "N2-4";

  private final Portfolio portfolio;
  private final ProductGroups groups;
  private final Catalogue catalogue;
  private final RuntimeService runtime;
  private final IdentityService identity;

  ProposalIntoGroups(Portfolio portfolio, ProductGroups groups, Catalogue catalogue, RuntimeService runtime,
      IdentityService identity) {
    this.portfolio = portfolio;
    this.groups = groups;
    this.catalogue = catalogue;
    this.runtime = runtime;
    this.identity = identity;
  }

  @EventListener
  void approved(LevelChanged change) {
    if (change.previousStatus() != ProductStatus.PROPOSED || change.status() != ProductStatus.ACTIVE
        || change.processInstanceId() == null) {
      return;
    }
    Product product = portfolio.product(change.productId()).orElse(null);
    if (product == null || !change.processInstanceId().equals(product.proposalProcessId())) {
      return;
    }
    List<String> municipalities = new ArrayList<>(product.municipalities());
    String proposing = product.proposingMunicipality();
    if (proposing != null && municipalities.stream().noneMatch(m -> same(m, proposing))) {
      municipalities.add(0, proposing);
    }
    boolean aboveN1 = catalogue.hasLevel(change.level()) && catalogue.rank(change.level()) >= catalogue.rank("N2");
    boolean singleVersion = product.singleCodeVersion() || (aboveN1 && answeredJa(change.processInstanceId()));
    portfolio.usage(product.id(), municipalities, singleVersion);
    String proposer = product.proposedBy();
    if (aboveN1 && proposer != null && !groups.isMember(product.id(), GroupKind.COORDINATION, proposer)
        && Access.asSystem(identity, () -> identity.createUserQuery().userId(proposer).count()) > 0) {
      groups.add(product.id(), GroupKind.COORDINATION, proposer, MemberRole.MUNICIPALITY, proposing);
    }
    if (aboveN1) {
      for (String supplier : Portfolio.municipalities(product.suppliers())) {
        if (supplier.length() <= 200 && !groups.hasOrganisation(product.id(), GroupKind.COORDINATION, supplier)) {
          groups.addOrganisation(product.id(), GroupKind.COORDINATION, MemberRole.SUPPLIER, supplier);
        }
      }
    }
  }

  private boolean answeredJa(String processInstanceId) {
    Criterion criterion = catalogue.criterion(SINGLE_CODE_VERSION).orElse(null);
    if (criterion == null) {
      return false;
    }
    Object answer = Access.asSystem(identity, () -> runtime.getVariable(processInstanceId, criterion.answerVariable()));
    return "Ja".equals(answer);
  }

  /** "Aarhus" and "Aarhus Kommune" are the same municipality. */
  private static boolean same(String a, String b) {
    return bare(a).equals(bare(b));
  }

  private static String bare(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replaceFirst("\\s+kommune$", "");
  }
}
