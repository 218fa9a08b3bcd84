package dk.os2.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts every SQL statement and every transaction of the JVM's DataSource (datasource-proxy), for
 * the benchmark only: added as an extra source to the application or the bare engine in its own
 * JVM. A statement in a JDBC batch counts once per parameter set (that many rows are written).
 *
 * <p>The job executor's acquisition thread polls the database even when nothing is due; its
 * transactions count only when they lock a job (an UPDATE), so that an idle engine counts nothing.
 */
@Configuration(proxyBeanMethods = false)
public class SqlCounting {

  /** Statements of lifecycle work (every thread; the acquisition thread only when it locks jobs). */
  public static final LongAdder STATEMENTS = new LongAdder();
  public static final LongAdder SELECTS = new LongAdder();
  public static final LongAdder WRITES = new LongAdder();
  /** JDBC round trips (a batch is one). */
  public static final LongAdder EXECUTIONS = new LongAdder();
  /** Commits, plus statements run in auto-commit mode (each its own transaction). */
  public static final LongAdder TRANSACTIONS = new LongAdder();
  public static final LongAdder ROLLBACKS = new LongAdder();
  /** The acquisition thread's polls that found nothing (not counted above). */
  public static final LongAdder IDLE_POLL_STATEMENTS = new LongAdder();
  /** Last time (ms) a counted statement ran. */
  public static final AtomicLong LAST_ACTIVITY = new AtomicLong(System.currentTimeMillis());

  private static final ThreadLocal<long[]> ACQUISITION_TX = ThreadLocal.withInitial(() -> new long[4]);

  static boolean acquisitionThread() {
    return Thread.currentThread().getName().startsWith("JobExecutor[");
  }

  public static Map<String, Long> snapshot() {
    return Map.of("statements", STATEMENTS.sum(), "selects", SELECTS.sum(), "writes", WRITES.sum(),
        "executions", EXECUTIONS.sum(), "transactions", TRANSACTIONS.sum(), "rollbacks", ROLLBACKS.sum(),
        "idlePollStatements", IDLE_POLL_STATEMENTS.sum(), "lastActivity", LAST_ACTIVITY.get(),
        "now", System.currentTimeMillis());
  }

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(dataSource).name("benchmark")
              .listener(new Statements()).methodListener(new Transactions()).build();
        }
        return bean;
      }
    };
  }

  static final class Statements implements QueryExecutionListener {
    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

    /** Statements slower than this (ms) are printed to the side's log; -1: none (-Dbenchmark.slow-sql-ms). */
    private static final long SLOW_MS = Long.getLong("benchmark.slow-sql-ms", -1);

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      if (SLOW_MS >= 0 && execInfo.getElapsedTime() >= SLOW_MS) {
        queryInfoList.forEach(q -> System.out.println("SLOW-SQL " + execInfo.getElapsedTime() + " ms ["
            + Thread.currentThread().getName() + "] " + q.getQuery().replaceAll("\\s+", " ")));
      }
      long selects = 0;
      long writes = 0;
      for (QueryInfo query : queryInfoList) {
        long times = execInfo.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
        String sql = query.getQuery().stripLeading().toLowerCase(Locale.ROOT);
        if (sql.startsWith("select") || sql.startsWith("with") || sql.startsWith("show")) {
          selects += times;
        } else {
          writes += times;
        }
      }
      if (execInfo.isBatch() && queryInfoList.size() == 1 && execInfo.getBatchSize() > 0
          && queryInfoList.get(0).getParametersList().isEmpty()) {
        writes = Math.max(writes, execInfo.getBatchSize());
      }
      boolean autoCommit = autoCommit(execInfo);
      if (acquisitionThread() && !autoCommit) {
        long[] tx = ACQUISITION_TX.get();
        tx[0] += selects;
        tx[1] += writes;
        tx[2] += 1;
        return;
      }
      add(selects, writes, 1, autoCommit ? 1 : 0);
    }

    private static boolean autoCommit(ExecutionInfo execInfo) {
      try {
        Connection connection = execInfo.getStatement() == null ? null : execInfo.getStatement().getConnection();
        return connection != null && connection.getAutoCommit();
      } catch (SQLException e) {
        return false;
      }
    }
  }

  static void add(long selects, long writes, long executions, long transactions) {
    SELECTS.add(selects);
    WRITES.add(writes);
    STATEMENTS.add(selects + writes);
    EXECUTIONS.add(executions);
    TRANSACTIONS.add(transactions);
    LAST_ACTIVITY.set(System.currentTimeMillis());
  }

  static final class Transactions implements MethodExecutionListener {
    @Override
    public void beforeMethod(MethodExecutionContext executionContext) {}

    @Override
    public void afterMethod(MethodExecutionContext context) {
      if (!(context.getTarget() instanceof Connection) || context.getThrown() != null) {
        return;
      }
      String method = context.getMethod().getName();
      if (!method.equals("commit") && !method.equals("rollback")) {
        return;
      }
      if (acquisitionThread()) {
        long[] tx = ACQUISITION_TX.get();
        if (tx[1] > 0) {
          add(tx[0], tx[1], tx[2], method.equals("commit") ? 1 : 0);
        } else {
          IDLE_POLL_STATEMENTS.add(tx[0] + tx[1]);
        }
        tx[0] = 0;
        tx[1] = 0;
        tx[2] = 0;
      } else if (method.equals("commit")) {
        TRANSACTIONS.increment();
      }
      if (method.equals("rollback")) {
        ROLLBACKS.increment();
      }
    }
  }
}
