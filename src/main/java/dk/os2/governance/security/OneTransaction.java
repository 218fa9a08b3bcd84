package dk.os2.governance.security;

import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the look-ups a request makes before its operation (the login's password, groups and
 * tenants; the engine guard's reads) in one database transaction. Each engine call outside a
 * transaction is a transaction of its own, with its own connection and commit; inside this one
 * they join it. A look-up that failed inside (and was answered as a refusal) rolls it back quietly.
 */
final class OneTransaction {

  private OneTransaction() {}

  static <T> T run(PlatformTransactionManager transactions, Supplier<T> work) {
    return new TransactionTemplate(transactions).execute(status -> {
      T result = work.get();
      if (status.isRollbackOnly()) {
        status.setRollbackOnly();
      }
      return result;
    });
  }
}
