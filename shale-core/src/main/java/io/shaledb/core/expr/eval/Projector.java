package io.shaledb.core.expr.eval;

import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Projects an item onto document paths, keeping the nesting: {@code a.b[1]} yields {@code {a: {b: [element 1]}}},
 * selected list elements keep their order, and a path that selects a whole attribute wins over its parts.
 */
public final class Projector {
  private Projector() {}

  public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Path path : paths) {
      AttributeValue value = Paths.get(item, path);
      if (value != null) {
        insert(tree, path.elements(), value);
      }
    }
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    tree.forEach((name, node) -> result.put(name, build(node)));
    return result;
  }

  /** Nodes: an AttributeValue (a selected whole), a map of names or a sorted map of list indexes. */
  @SuppressWarnings("unchecked")
  private static void insert(Map<String, Object> root, List<PathElement> elements, AttributeValue value) {
    Object container = root;
    for (int i = 0; i < elements.size(); i++) {
      Object key = switch (elements.get(i)) {
        case PathElement.Name name -> name.name();
        case PathElement.Index index -> index.index();
      };
      Map<Object, Object> children = (Map<Object, Object>) container;
      Object existing = children.get(key);
      if (existing instanceof AttributeValue) {
        return;
      }
      if (i == elements.size() - 1) {
        children.put(key, value);
        return;
      }
      if (existing == null) {
        existing = elements.get(i + 1) instanceof PathElement.Index ? new TreeMap<Integer, Object>()
            : new LinkedHashMap<String, Object>();
        children.put(key, existing);
      }
      container = existing;
    }
  }

  @SuppressWarnings("unchecked")
  private static AttributeValue build(Object node) {
    if (node instanceof AttributeValue value) {
      return value;
    }
    if (node instanceof TreeMap<?, ?> list) {
      List<AttributeValue> elements = new ArrayList<>();
      list.values().forEach(child -> elements.add(build(child)));
      return new AttributeValue.L(elements);
    }
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    ((Map<String, Object>) node).forEach((name, child) -> map.put(name, build(child)));
    return new AttributeValue.M(map);
  }
}
