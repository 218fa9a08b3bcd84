package dk.os2.governance.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator outside the demo profile, from OS2_ADMIN_USER and OS2_ADMIN_PASSWORD.
 * Created once; an existing user is never overwritten. Without both variables nobody is created.
 */
@Component
@Order(2)
class FirstAdmin implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

  private final IdentityService identity;
  private final String userId;
  private final String password;

  FirstAdmin(IdentityService identity, @Value("${os2.admin.user:}") String userId,
      @Value("${os2.admin.password:}") String password) {
    this.identity = identity;
    this.userId = userId.trim();
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (userId.isEmpty() || password.isEmpty()) {
      return;
    }
    if (identity.createUserQuery().userId(userId).singleResult() != null) {
      return;
    }
    if (password.length() < 12) {
      throw new IllegalStateException("OS2_ADMIN_PASSWORD must have at least 12 characters");
    }
    User user = identity.newUser(userId);
    user.setFirstName("Administrator");
    user.setLastName(userId);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
    LOG.info("Created the first administrator '{}' from OS2_ADMIN_USER", userId);
  }
}
