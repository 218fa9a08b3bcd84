package dk.os2.governance;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the application runs while a test asks it to, for tests that prove a
 * page or an API reads in a fixed number of statements however much data there is. The shared
 * DataSource is wrapped once (this is a test-only bean post-processor); outside {@link #count}
 * the wrapper only passes calls on. Only statements run on the threads the test names are counted
 * (the request's Tomcat thread, or the test's own), so the job executor's polling is left out.
 */
@Component
public class SqlStatements implements BeanPostProcessor {

  private static volatile Predicate<Thread> counting;
  private static final List<String> executed = Collections.synchronizedList(new ArrayList<>());

  /** The statements run on matching threads while {@code work} runs (each a line: the call, its time, its SQL). */
  public static synchronized List<String> count(Predicate<Thread> threads, Runnable work) {
    executed.clear();
    counting = threads;
    try {
      work.run();
    } finally {
      counting = null;
    }
    synchronized (executed) {
      return List.copyOf(executed);
    }
  }

  /** Tomcat's request threads. */
  public static Predicate<Thread> requests() {
    return t -> t.getName().startsWith("http-nio-");
  }

  /** The calling thread. */
  public static Predicate<Thread> thisThread() {
    Thread me = Thread.currentThread();
    return t -> t == me;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !ours(bean)) {
      return wrap(dataSource, DataSource.class, null);
    }
    return bean;
  }

  private static Object wrap(Object target, Class<?> type, String sql) {
    InvocationHandler handler = new Counting() {
      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        // A wrapper is equal only to itself, as the pooled connection it wraps is (Spring's
        // transaction synchronisation compares the connection it holds with the one it is handed).
        if (method.getName().equals("equals") && args != null && args.length == 1) {
          return proxy == args[0];
        }
        if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
          return System.identityHashCode(proxy);
        }
        long start = System.nanoTime();
        Object result;
        try {
          result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        } finally {
          if (method.getName().startsWith("execute")) {
            note(args != null && args.length > 0 && args[0] instanceof String s ? s : sql, method, System.nanoTime() - start);
          }
        }
        if (result instanceof Connection c && !ours(c)) {
          return wrap(c, Connection.class, null);
        }
        if (result instanceof Statement s && !ours(s)) {
          String text = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
          Class<?> kind = s instanceof CallableStatement ? CallableStatement.class
              : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
          return wrap(s, kind, text);
        }
        return result;
      }
    };
    return Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** The wrappers' handler type, to tell them from other JDK proxies (datasource-proxy's connections are some). */
  private abstract static class Counting implements InvocationHandler {}

  /** Whether the object is one of these wrappers (another library's proxy is wrapped like any object). */
  private static boolean ours(Object object) {
    return Proxy.isProxyClass(object.getClass()) && Proxy.getInvocationHandler(object) instanceof Counting;
  }

  private static void note(String sql, Method method, long nanos) {
    Predicate<Thread> threads = counting;
    if (threads != null && threads.test(Thread.currentThread())) {
      executed.add(String.format(java.util.Locale.ROOT, "%s (%.1f ms): %s", method.getName(), nanos / 1e6,
          sql == null ? "?" : sql.replaceAll("\\s+", " ").trim()));
    }
  }
}
