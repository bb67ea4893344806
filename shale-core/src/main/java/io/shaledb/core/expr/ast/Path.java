package io.shaledb.core.expr.ast;

import java.util.List;

/**
 * A document path: a top-level attribute name followed by map keys and list indexes. Before binding, names may be
 * {@code #placeholders}; after binding every name is the attribute's real name.
 */
public record Path(List<PathElement> elements) {
  public Path {
    elements = List.copyOf(elements);
  }

  public static Path of(String topLevelName) {
    return new Path(List.of(new PathElement.Name(topLevelName)));
  }

  /** The top-level attribute the path starts at. */
  public String topLevelName() {
    return ((PathElement.Name) elements.get(0)).name();
  }

  /** DynamoDB's rendering in messages: {@code [a, b, [2]]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(switch (elements.get(i)) {
        case PathElement.Name name -> name.name();
        case PathElement.Index index -> "[" + index.index() + "]";
      });
    }
    return s.append(']').toString();
  }
}
