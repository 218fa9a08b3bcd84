package dk.os2.governance.submission;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The variables a process holds, read from the engine the first time anyone looks at them. */
final class LazyVariables extends AbstractMap<String, Object> {

  private final Supplier<Map<String, Object>> read;
  private Map<String, Object> variables;

  LazyVariables(Supplier<Map<String, Object>> read) {
    this.read = read;
  }

  private Map<String, Object> variables() {
    if (variables == null) {
      variables = read.get();
    }
    return variables;
  }

  @Override
  public Object get(Object key) {
    return variables().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return variables().containsKey(key);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return variables().entrySet();
  }
}
