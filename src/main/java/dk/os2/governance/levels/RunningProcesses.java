package dk.os2.governance.levels;

import dk.os2.governance.identity.Access;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.server.ResponseStatusException;

/**
 * At most one running process of a kind (a level change, an annual evaluation cycle) per product,
 * held by the primary key of {@code running_process}. The slot is claimed in the transaction that
 * starts the process: of two concurrent starts, the second waits on the first's row and then
 * meets the key, so the rule holds without a check-then-act window. A row whose process has ended
 * (completed, withdrawn, deleted by anyone) is stale and is released by the next claim.
 */
@Repository
class RunningProcesses {

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final IdentityService identity;

  RunningProcesses(JdbcClient jdbc, RuntimeService runtime, IdentityService identity) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** The process instance holding the product's slot, if it is still running. */
  Optional<String> holder(String productId, String kind) {
    List<String> rows = jdbc.sql("select process_instance_id from running_process where product_id = ? and kind = ?")
        .params(productId, kind).query(String.class).list();
    return rows.stream().filter(id -> id != null && exists(id)).findFirst();
  }

  /**
   * Claims the product's slot for a process about to start in the current transaction, releasing
   * a stale holder first; refuses with 409 and the message when a running process holds it.
   */
  void claim(String productId, String kind, String refusal) {
    List<String> rows = jdbc.sql("select process_instance_id from running_process where product_id = ? and kind = ?")
        .params(productId, kind).query(String.class).list();
    for (String stale : rows) {
      if (stale != null && exists(stale)) {
        throw new ResponseStatusException(HttpStatus.CONFLICT, refusal);
      }
      jdbc.sql("delete from running_process where product_id = ? and kind = ? and "
          + (stale == null ? "process_instance_id is null" : "process_instance_id = ?"))
          .params(stale == null ? new Object[] {productId, kind} : new Object[] {productId, kind, stale}).update();
    }
    try {
      jdbc.sql("insert into running_process (product_id, kind, process_instance_id, started_at) values (?, ?, ?, ?)")
          .params(productId, kind, null, Timestamp.from(Instant.now())).update();
    } catch (DuplicateKeyException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, refusal);
    }
  }

  /** Records which process took the slot claimed in this transaction (or adopts an unrecorded one). */
  void held(String productId, String kind, String processInstanceId) {
    jdbc.sql("update running_process set process_instance_id = ? where product_id = ? and kind = ?")
        .params(processInstanceId, productId, kind).update();
  }

  /**
   * Locks the product's slot until the current transaction ends, so that concurrent requests
   * acting on the same running process (bringing an evaluation forward) take turns; whoever
   * comes second sees what the first committed.
   */
  void lock(String productId, String kind) {
    jdbc.sql("select process_instance_id from running_process where product_id = ? and kind = ? for update")
        .params(productId, kind).query(String.class).list();
  }

  private boolean exists(String processInstanceId) {
    return Access.asSystem(identity,
        () -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
  }
}
