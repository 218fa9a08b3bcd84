package dk.os2.governance.integrity;

import java.util.function.Supplier;

/**
 * Marks the application's own writes of protected process variables (see {@link ProtectedVariables}).
 * The mark lives on the current thread only for the duration of the call, so a user's submission
 * in the same transaction is never covered by it.
 */
public final class SystemWrites {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private SystemWrites() {}

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  public static <T> T call(Supplier<T> work) {
    DEPTH.set(DEPTH.get() + 1);
    try {
      return work.get();
    } finally {
      int depth = DEPTH.get() - 1;
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  static boolean active() {
    return DEPTH.get() > 0;
  }
}
