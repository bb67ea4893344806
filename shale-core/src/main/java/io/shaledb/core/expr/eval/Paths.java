package io.shaledb.core.expr.eval;

import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.model.AttributeValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads bound document paths in items. */
public final class Paths {
  private Paths() {}

  /** The value at {@code path}, or null when any step is missing or of the wrong type. */
  public static @Nullable AttributeValue get(Map<String, AttributeValue> item, Path path) {
    AttributeValue current = item.get(path.topLevelName());
    for (int i = 1; i < path.elements().size() && current != null; i++) {
      current = step(current, path.elements().get(i));
    }
    return current;
  }

  static @Nullable AttributeValue step(@Nullable AttributeValue container, PathElement element) {
    return switch (element) {
      case PathElement.Name name -> container instanceof AttributeValue.M m ? m.values().get(name.name()) : null;
      case PathElement.Index index -> container instanceof AttributeValue.L l && index.index() < l.values().size()
          ? l.values().get(index.index()) : null;
    };
  }
}
