package io.shaledb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Responses in the form they are compared in. What DynamoDB leaves unspecified is made canonical: the order of an
 * object's members and of a set's members. ConsumedCapacity is dropped (no generated request asks for it, and its
 * figures are a model of billing, not of data), and so is the capitalisation of an error's message member, which
 * both SDKs read either way. Numbers are compared by value or, separately, as written, since how a number is
 * written back is a known difference of DynamoDB Local's.
 */
final class Normalizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Normalizer() {}

  /**
   * The whole response body, canonical; {@code numbersByValue} writes every number in one form per value, and
   * {@code itemsInAnyOrder} sorts the Items (a whole Scan's).
   */
  static JsonNode response(JsonNode body, boolean numbersByValue, boolean itemsInAnyOrder) {
    JsonNode canonical = canonical(body, numbersByValue);
    if (canonical instanceof ObjectNode object) {
      if (itemsInAnyOrder && object.has("Items")) {
        object.set("Items", sorted(object.get("Items")));
      }
      object.remove("ConsumedCapacity");
      if (object.has("Message") && !object.has("message")) {
        object.set("message", object.remove("Message"));
      }
      if (object.get("Responses") instanceof ObjectNode tables) {
        // BatchGetItem returns each table's items in no defined order.
        tables.properties().forEach(table -> table.setValue(sorted(table.getValue())));
      }
    }
    return canonical;
  }

  static ArrayNode sorted(JsonNode elements) {
    List<JsonNode> list = new ArrayList<>();
    elements.forEach(list::add);
    list.sort(Comparator.comparing(JsonNode::toString));
    ArrayNode sorted = JSON.arrayNode();
    list.forEach(sorted::add);
    return sorted;
  }

  private static JsonNode canonical(JsonNode node, boolean numbersByValue) {
    if (node instanceof ObjectNode object) {
      if (object.size() == 1) {
        Map.Entry<String, JsonNode> only = object.properties().iterator().next();
        JsonNode attributeValue = attributeValue(only.getKey(), only.getValue(), numbersByValue);
        if (attributeValue != null) {
          return JSON.objectNode().set(only.getKey(), attributeValue);
        }
      }
      TreeMap<String, JsonNode> members = new TreeMap<>();
      object.properties().forEach(m -> members.put(m.getKey(), canonical(m.getValue(), numbersByValue)));
      ObjectNode copy = JSON.objectNode();
      members.forEach(copy::set);
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.arrayNode();
      array.forEach(element -> copy.add(canonical(element, numbersByValue)));
      return copy;
    }
    return node;
  }

  /** The canonical form of a scalar or set attribute value's content, or null when the member is not one. */
  private static JsonNode attributeValue(String type, JsonNode content, boolean numbersByValue) {
    return switch (type) {
      case "N" -> content.isTextual() && numbersByValue ? JSON.textNode(number(content.asText())) : null;
      case "SS", "BS" -> content.isArray() ? sorted(content) : null;
      case "NS" -> {
        if (!content.isArray()) {
          yield null;
        }
        List<String> members = new ArrayList<>();
        content.forEach(m -> members.add(numbersByValue ? number(m.asText()) : m.asText()));
        members.sort(Comparator.comparing(Normalizer::number));
        ArrayNode set = JSON.arrayNode();
        members.forEach(set::add);
        yield set;
      }
      default -> null;
    };
  }

  private static String number(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
