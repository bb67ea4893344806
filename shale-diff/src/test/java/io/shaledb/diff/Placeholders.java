package io.shaledb.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, collected while its expressions are
 * generated. Reserved words always need a name placeholder, others use one now and then; a few requests get an unused
 * or a missing placeholder, which DynamoDB refuses.
 */
final class Placeholders {
  /** Attribute names that are DynamoDB reserved words, written bare only to provoke the error. */
  static final Set<String> RESERVED = Set.of("status", "size");

  private final Random random;
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, ObjectNode> values = new LinkedHashMap<>();

  Placeholders(Random random) {
    this.random = random;
  }

  String name(String attribute) {
    boolean reserved = RESERVED.contains(attribute);
    if (reserved ? random.nextInt(50) == 0 : random.nextInt(3) != 0) {
      return attribute;
    }
    for (Map.Entry<String, String> known : names.entrySet()) {
      if (known.getValue().equals(attribute) && random.nextBoolean()) {
        return known.getKey();
      }
    }
    String placeholder = "#n" + names.size();
    names.put(placeholder, attribute);
    return placeholder;
  }

  String value(ObjectNode value) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    return placeholder;
  }

  /** Adds the collected maps to the request; one request in a hundred gets an unused or a missing placeholder. */
  void addTo(ObjectNode request) {
    int fault = random.nextInt(100);
    if (fault == 0) {
      names.put("#unused", "unused");
    } else if (fault == 1 && !values.isEmpty()) {
      values.remove(List.copyOf(values.keySet()).get(random.nextInt(values.size())));
    } else if (fault == 2) {
      values.put(":unused", Values.s("unused"));
    }
    if (!names.isEmpty()) {
      ObjectNode node = request.putObject("ExpressionAttributeNames");
      names.forEach(node::put);
    }
    if (!values.isEmpty()) {
      ObjectNode node = request.putObject("ExpressionAttributeValues");
      values.forEach(node::set);
    }
  }
}
