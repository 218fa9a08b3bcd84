package dk.os2.governance.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo profile's logins, each with password "demo". Never active in production. */
@Component
@Profile("demo")
@Order(2)
class DemoUsers implements ApplicationRunner {

  static final String PASSWORD = "demo";

  private final IdentityService identity;

  DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    user("kommune", "Karen", "Kommune", GovernanceIdentity.PROPOSERS);
    user("sekretariat", "Sofie", "Sekretariat", Body.FORRETNINGSLEDELSE.groupId());
    user("forretningsudvalg", "Frederik", "Forretningsudvalg", Body.FORRETNINGSUDVALG.groupId());
    user("bestyrelse", "Birgitte", "Bestyrelse", Body.BESTYRELSE.groupId());
    user("koordinationsudvalg", "Kasper", "Koordinationsudvalg", Body.KOORDINATIONSUDVALG.groupId());
    user("generalforsamling", "Gitte", "Generalforsamling", Body.GENERALFORSAMLING.groupId());
    user("admin", "Anders", "Administrator", Groups.CAMUNDA_ADMIN);
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).singleResult() == null) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@demo.os2.dk");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).singleResult() == null) {
      identity.createMembership(id, groupId);
    }
  }
}
