package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Something to look at on a first demo run: an N2 product with its groups, and a proposal
 * waiting for the secretariat's screening. Only in the demo profile, only into an empty portfolio,
 * and off with os2.demo.sample-data=false.
 */
@Component
@Profile("demo")
@Order(3)
@ConditionalOnProperty(name = "os2.demo.sample-data", havingValue = "true", matchIfMissing = true)
class DemoPortfolio implements ApplicationRunner {

  private final Portfolio portfolio;
  private final ProductGroups groups;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final Catalogue catalogue;

  DemoPortfolio(Portfolio portfolio, ProductGroups groups, IdentityService identity, RuntimeService runtime,
      Catalogue catalogue) {
    this.portfolio = portfolio;
    this.groups = groups;
    this.identity = identity;
    this.runtime = runtime;
    this.catalogue = catalogue;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!portfolio.products().isEmpty()) {
      return;
    }
    if (identity.createUserQuery().userId("leverandor").singleResult() == null) {
      User supplier = identity.newUser("leverandor");
      supplier.setFirstName("Lone");
      supplier.setLastName("Leverandør");
      supplier.setEmail("leverandor@demo.os2.dk");
      supplier.setPassword("demo");
      identity.saveUser(supplier);
    }
    String product = portfolio.registerProposal(new Portfolio.Proposal("OS2demoportal",
        "Selvbetjeningsportal for borgere", "Kommunerne vil dele én portal", "Aarhus Kommune", "Karen Kommune",
        "kommune@demo.os2.dk", "Aarhus\nOdense\nVejle", "Leverandøren A/S", "MPL-2.0",
        "https://github.com/OS2/demoportal", "N2", "kommune", null));
    portfolio.approve(product, "N2", LocalDate.now().minusMonths(8));
    portfolio.usage(product, "Aarhus\nOdense\nVejle", true);
    groups.add(product, GroupKind.STEERING, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2's bestyrelse");
    groups.add(product, GroupKind.STEERING, "kommune", MemberRole.PARTICIPANT, "Aarhus Kommune");
    groups.add(product, GroupKind.COORDINATION, "kommune", MemberRole.MUNICIPALITY, "Aarhus Kommune");
    groups.add(product, GroupKind.COORDINATION, "leverandor", MemberRole.SUPPLIER, "Leverandøren A/S");

    Map<String, Object> proposal = new HashMap<>();
    proposal.put("productName", "OS2mødebooking");
    proposal.put("purpose", "Booking af mødelokaler på tværs af forvaltninger");
    proposal.put("need", "Flere kommuner har bygget hver sin løsning");
    proposal.put("municipality", "Odense Kommune");
    proposal.put("contactName", "Karen Kommune");
    proposal.put("contactEmail", "kommune@demo.os2.dk");
    proposal.put("licence", "EUPL-1.2");
    proposal.put("requestedLevel", "N1");
    for (Criterion c : catalogue.criteriaUpTo("N1")) {
      proposal.put(c.answerVariable(), "Ja");
      proposal.put(c.documentationVariable(), "Se projektets wiki");
    }
    identity.setAuthentication("kommune", List.of("kommuner"));
    try {
      runtime.startProcessInstanceByKey("project-proposal", proposal);
    } finally {
      identity.clearAuthentication();
    }
  }
}
