package dk.os2.governance.integrity;

import dk.os2.governance.process.TransactionCache;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity of a running governance process, from the application's own tables and never from
 * process variables: which product it is about, who proposed or applied, and for a level change or
 * annual evaluation the current and target level and the catalogue version at start.
 *
 * <p>A proposal's identity is its product row (registered by the proposal's first step, with the
 * engine's initiator as proposer), which the portfolio gives through {@link ProposedProducts}. A
 * level change's or annual evaluation's identity is written when
 * the application starts it ({@link #starting}); as the process's start listener this bean refuses
 * a start that the application did not make.
 */
@Component("processIdentity")
public class ProcessIdentity implements ExecutionListener {

  /** What the system knew when it started a process. */
  public record Identity(
      String processInstanceId,
      String processKey,
      String productId,
      String applicant,
      String currentLevel,
      String targetLevel,
      String direction,
      String catalogueReference) {}

  private static final ThreadLocal<Identity> PENDING = new ThreadLocal<>();

  private final JdbcClient jdbc;
  private final ProposedProducts proposals;
  /**
   * Identities read in this transaction: a completion's steps, listeners and mails each ask who a
   * process is about, and the row is read once (cleared when one is recorded).
   */
  private final TransactionCache<Optional<Identity>> read = new TransactionCache<>();

  ProcessIdentity(JdbcClient jdbc, ProposedProducts proposals) {
    this.jdbc = jdbc;
    this.proposals = proposals;
  }

  /**
   * Starts a level change or annual evaluation with this identity (its process instance id left
   * {@code null}): the process's start listener records it under the new instance's id.
   */
  public String starting(Identity identity, Supplier<String> start) {
    PENDING.set(identity);
    try {
      return SystemWrites.call(start);
    } finally {
      PENDING.remove();
    }
  }

  /** The start listener of the level-change and annual-evaluation processes. */
  @Override
  public void notify(DelegateExecution execution) {
    Identity pending = PENDING.get();
    String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    if (pending == null || !pending.processKey().equals(key)) {
      throw new ProcessEngineException("Processen kan kun startes af systemet, ikke direkte i procesmotoren.");
    }
    PENDING.remove();
    jdbc.sql("""
        insert into process_identity (process_instance_id, process_key, product_id, applicant, current_level,
          target_level, direction, catalogue_reference, started_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(execution.getProcessInstanceId(), key, pending.productId(), pending.applicant(),
            pending.currentLevel(), pending.targetLevel(), pending.direction(), pending.catalogueReference(),
            Timestamp.from(Instant.now()))
        .update();
    // A new row, whole: later reads in this transaction find it without reading it back.
    read.put(execution.getProcessInstanceId(), Optional.of(new Identity(execution.getProcessInstanceId(), key,
        pending.productId(), pending.applicant(), pending.currentLevel(), pending.targetLevel(), pending.direction(),
        pending.catalogueReference())));
  }

  /** The recorded identity of a level change or annual evaluation. */
  public Optional<Identity> levelProcess(String processInstanceId) {
    return read.get(processInstanceId, () -> jdbc.sql("select * from process_identity where process_instance_id = ?")
        .param(processInstanceId).query(Identity.class).optional());
  }

  /** The level change's or annual evaluation's identity; refuses if the system never recorded one. */
  public Identity requireLevelProcess(String processInstanceId) {
    return levelProcess(processInstanceId).orElseThrow(() -> new ProcessEngineException(
        "Processen har ingen identitet registreret af systemet og kan ikke ændre porteføljen."));
  }

  /** The product a proposal registered, by the proposal's process instance id. */
  public Optional<String> proposalProduct(String processInstanceId) {
    return proposals.proposedIn(processInstanceId).map(ProposedProducts.ProposedProduct::productId);
  }

  /** The product a process is about: a proposal's own product, or the recorded one. */
  public String productOf(String processInstanceId) {
    return productIfAny(processInstanceId).orElseThrow(() -> new ProcessEngineException("Processen hører ikke til et produkt i porteføljen."));
  }

  /** The product a process is about, if it is about one (a rule change is about a catalogue). */
  public Optional<String> productIfAny(String processInstanceId) {
    return levelProcess(processInstanceId).map(Identity::productId).or(() -> proposalProduct(processInstanceId));
  }

  /** Who proposed (a proposal) or applied (a level change): the person the process reports back to. */
  public String proposerOf(String processInstanceId) {
    Optional<Identity> level = levelProcess(processInstanceId);
    if (level.isPresent()) {
      return level.get().applicant();
    }
    return proposals.proposedIn(processInstanceId).map(ProposedProducts.ProposedProduct::proposedBy)
        .orElseThrow(() -> new ProcessEngineException("Forslaget har ingen registreret forslagsstiller."));
  }

  /** For the models' expressions: {@code camunda:assignee="${processIdentity.proposer(execution)}"}. */
  public String proposer(DelegateExecution execution) {
    return proposerOf(execution.getProcessInstanceId());
  }

  /** For the models' expressions: {@code ${processIdentity.applicant(execution)}}. */
  public String applicant(DelegateExecution execution) {
    return requireLevelProcess(execution.getProcessInstanceId()).applicant();
  }
}
