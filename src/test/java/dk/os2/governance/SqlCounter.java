package dk.os2.governance;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements and transactions the application runs on its one DataSource, for
 * tests that guard what an operation costs (datasource-proxy around the shared DataSource). It
 * counts only while a test has switched it on, on every thread (HTTP requests, jobs), so a test
 * switches it on around exactly the work it measures.
 */
@Component
public class SqlCounter implements BeanPostProcessor {

  /** What was counted: JDBC executions (a batch counts once), statements in them, transactions. */
  public record Counts(long executions, long statements, long transactions) {
    @Override
    public String toString() {
      return executions + " executions (" + statements + " statements), " + transactions + " transactions";
    }
  }

  private static volatile boolean counting;
  private static final AtomicLong EXECUTIONS = new AtomicLong();
  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static final AtomicLong TRANSACTIONS = new AtomicLong();
  /** With -Dsql.counter.log=true, each counted statement is written to the log, to see where they go. */
  private static final boolean LOG = Boolean.getBoolean("sql.counter.log");

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
      return ProxyDataSourceBuilder.create(dataSource).name(beanName)
          .listener(new Queries()).methodListener(new Commits()).build();
    }
    return bean;
  }

  /** One counted execution, while {@link #record} is on: the step it ran in, its SQL, who issued it. */
  public record Execution(String step, String sql, String caller, long rows) {
    /** Whether it only reads (a select). */
    public boolean read() {
      return sql.regionMatches(true, 0, "select", 0, 6);
    }
  }

  private static volatile boolean recording;
  private static volatile String step = "";
  private static final List<Execution> RECORDED = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  /** Names the step the executions counted from now on belong to (for {@link #recorded()}). */
  public static void step(String name) {
    step = name;
  }

  /**
   * Like {@link #count}, and also keeps every counted execution with its step and the Java caller
   * that issued it (the application's frames nearest to the JDBC call, else the engine command), so
   * a test can show who reads what; read them with {@link #recorded()}.
   */
  public static Counts record(Runnable work) {
    RECORDED.clear();
    step = "";
    recording = true;
    try {
      return count(work);
    } finally {
      recording = false;
    }
  }

  /** The executions kept by the last {@link #record}. */
  public static List<Execution> recorded() {
    synchronized (RECORDED) {
      return List.copyOf(RECORDED);
    }
  }

  private static String caller() {
    StackTraceElement[] stack = Thread.currentThread().getStackTrace();
    java.util.List<String> app = new java.util.ArrayList<>();
    String command = null;
    for (StackTraceElement frame : stack) {
      String c = frame.getClassName();
      if (c.startsWith("dk.os2.governance.") && !c.startsWith("dk.os2.governance.SqlCounter") && app.size() < 3) {
        app.add(c.substring(c.lastIndexOf('.') + 1).replaceAll("\\$\\$.*", "") + "." + frame.getMethodName() + ":" + frame.getLineNumber());
      }
      if (command == null && c.startsWith("org.camunda.bpm.engine.impl.cmd.")) {
        command = c.substring(c.lastIndexOf('.') + 1);
      }
    }
    return String.join(" < ", app) + (command == null ? "" : " [" + command + "]");
  }

  /** Runs the work with the counter on and returns what it cost; not reentrant. */
  public static Counts count(Runnable work) {
    EXECUTIONS.set(0);
    STATEMENTS.set(0);
    TRANSACTIONS.set(0);
    counting = true;
    try {
      work.run();
    } finally {
      counting = false;
    }
    return new Counts(EXECUTIONS.get(), STATEMENTS.get(), TRANSACTIONS.get());
  }

  /** Work done while counting that the measurement should not include (the test's own look-ups). */
  public static <T> T uncounted(Supplier<T> work) {
    boolean was = counting;
    counting = false;
    try {
      return work.get();
    } finally {
      counting = was;
    }
  }

  private static final class Queries implements QueryExecutionListener {
    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      if (!counting) {
        return;
      }
      EXECUTIONS.incrementAndGet();
      long statements = execInfo.isBatch() ? Math.max(1, execInfo.getBatchSize()) : 1;
      if (recording) {
        queryInfoList.forEach(q -> RECORDED.add(new Execution(step, q.getQuery().replaceAll("\\s+", " ").trim(), caller(), statements)));
      }
      if (LOG) {
        queryInfoList.forEach(q -> System.out.println("SQL[" + Thread.currentThread().getName() + "] "
            + q.getQuery().replaceAll("\\s+", " ")));
      }
      STATEMENTS.addAndGet(statements);
      try {
        if (execInfo.getStatement() != null && execInfo.getStatement().getConnection().getAutoCommit()) {
          TRANSACTIONS.incrementAndGet(); // a statement outside a transaction is one of its own
        }
      } catch (SQLException e) {
        // the statement ran; whether it had its own transaction is unknown, count none
      }
    }
  }

  private static final class Commits implements MethodExecutionListener {
    @Override
    public void beforeMethod(MethodExecutionContext executionContext) {
    }

    @Override
    public void afterMethod(MethodExecutionContext executionContext) {
      String method = executionContext.getMethod().getName();
      if (counting && (method.equals("commit") || method.equals("rollback"))
          && executionContext.getTarget() instanceof java.sql.Connection) {
        TRANSACTIONS.incrementAndGet();
      }
    }
  }
}
