package dk.os2.governance.process;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read once per transaction: within one engine command (a task completion with its
 * delegates, listeners and event listeners) the same row is read from the database once and then
 * handed out again, until its owner writes (then {@link #clear()}: the next read sees the write).
 * Outside a transaction nothing is kept. Bound to Spring's transaction synchronisation, which the
 * engine's commands run in, so it ends with the transaction, committed or rolled back; a
 * transaction suspended for a new one keeps its reads to itself.
 *
 * <p>Only for the owner of the rows, which must call {@link #clear()} after each of its writes
 * (or {@link #put} for a row it inserted whole).
 */
public final class TransactionCache<V> {

  /** The key under which this cache's map is bound to the transaction (one per cache). */
  private final Object resource = new Object();

  /** The value for the key: read now, or kept from an earlier read in this transaction. */
  public V get(Object key, Supplier<V> read) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return read.get();
    }
    Map<Object, V> kept = kept();
    if (kept.containsKey(key)) {
      return kept.get(key);
    }
    V value = read.get();
    kept().put(key, value);
    return value;
  }

  /**
   * Keeps a value the owner just wrote under its key, for the rest of the transaction: the next
   * read sees it without reading it back (the other values stay).
   */
  public void put(Object key, V value) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      kept().put(key, value);
    }
  }

  /** Forgets what this transaction read, after a write of the owner. */
  public void clear() {
    @SuppressWarnings("unchecked")
    Map<Object, V> kept = (Map<Object, V>) TransactionSynchronizationManager.getResource(resource);
    if (kept != null) {
      kept.clear();
    }
  }

  private Map<Object, V> kept() {
    @SuppressWarnings("unchecked")
    Map<Object, V> kept = (Map<Object, V>) TransactionSynchronizationManager.getResource(resource);
    if (kept == null) {
      Map<Object, V> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(resource, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        // A transaction suspended for a new one (the engine's REQUIRES_NEW commands) keeps its
        // reads to itself: the new one starts without them.
        @Override
        public void suspend() {
          TransactionSynchronizationManager.unbindResourceIfPossible(resource);
        }

        @Override
        public void resume() {
          TransactionSynchronizationManager.bindResource(resource, fresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(resource);
        }
      });
      kept = fresh;
    }
    return kept;
  }
}
