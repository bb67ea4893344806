package io.shaledb.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** A table the run creates on both servers: its key and its indexes, drawn from the seed. */
record TableShape(String name, KeyAttribute hash, Optional<KeyAttribute> range, List<IndexShape> indexes) {

  /** A key attribute and its scalar type, S, N or B. */
  record KeyAttribute(String name, String type) {}

  /** A secondary index; {@code nonKeyAttributes} is non-empty exactly for INCLUDE projections. */
  record IndexShape(String name, boolean global, KeyAttribute hash, Optional<KeyAttribute> range,
      String projection, List<String> nonKeyAttributes) {}

  private static final List<String> KEY_TYPES = List.of("S", "N", "B");

  static TableShape random(String name, boolean withRange, Random random) {
    KeyAttribute hash = new KeyAttribute("pk", pick(KEY_TYPES, random));
    Optional<KeyAttribute> range = withRange
        ? Optional.of(new KeyAttribute("sk", pick(KEY_TYPES, random)))
        : Optional.empty();
    List<IndexShape> indexes = new ArrayList<>();
    if (random.nextBoolean()) {
      indexes.add(new IndexShape("gsi1", true, new KeyAttribute("g1", pick(KEY_TYPES, random)),
          random.nextBoolean() ? Optional.of(new KeyAttribute("g2", pick(KEY_TYPES, random))) : Optional.empty(),
          "ALL", List.of()));
    }
    if (range.isPresent() && random.nextBoolean()) {
      String projection = pick(List.of("ALL", "KEYS_ONLY", "INCLUDE"), random);
      indexes.add(new IndexShape("lsi1", false, hash, Optional.of(new KeyAttribute("l1", pick(KEY_TYPES, random))),
          projection, projection.equals("INCLUDE") ? List.of("a", "n") : List.of()));
    }
    return new TableShape(name, hash, range, indexes);
  }

  static <T> T pick(List<T> choices, Random random) {
    return choices.get(random.nextInt(choices.size()));
  }

  List<KeyAttribute> tableKey() {
    List<KeyAttribute> key = new ArrayList<>(List.of(hash));
    range.ifPresent(key::add);
    return key;
  }

  /** Every attribute that is a key of the table or of an index, by name (an attribute has one type here). */
  Map<String, KeyAttribute> keyAttributes() {
    Map<String, KeyAttribute> all = new LinkedHashMap<>();
    tableKey().forEach(k -> all.put(k.name(), k));
    for (IndexShape index : indexes) {
      all.putIfAbsent(index.hash().name(), index.hash());
      index.range().ifPresent(r -> all.putIfAbsent(r.name(), r));
    }
    return all;
  }

  ObjectNode createTableRequest() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode request = json.objectNode().put("TableName", name).put("BillingMode", "PAY_PER_REQUEST");
    ArrayNode definitions = request.putArray("AttributeDefinitions");
    keyAttributes().values().forEach(k -> definitions.addObject().put("AttributeName", k.name())
        .put("AttributeType", k.type()));
    request.set("KeySchema", keySchema(hash, range));
    ArrayNode globals = json.arrayNode();
    ArrayNode locals = json.arrayNode();
    for (IndexShape index : indexes) {
      ObjectNode description = (index.global() ? globals : locals).addObject().put("IndexName", index.name());
      description.set("KeySchema", keySchema(index.hash(), index.range()));
      ObjectNode projection = description.putObject("Projection").put("ProjectionType", index.projection());
      if (!index.nonKeyAttributes().isEmpty()) {
        index.nonKeyAttributes().forEach(projection.putArray("NonKeyAttributes")::add);
      }
    }
    if (!globals.isEmpty()) {
      request.set("GlobalSecondaryIndexes", globals);
    }
    if (!locals.isEmpty()) {
      request.set("LocalSecondaryIndexes", locals);
    }
    return request;
  }

  private static ArrayNode keySchema(KeyAttribute hash, Optional<KeyAttribute> range) {
    ArrayNode schema = JsonNodeFactory.instance.arrayNode();
    schema.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH");
    range.ifPresent(r -> schema.addObject().put("AttributeName", r.name()).put("KeyType", "RANGE"));
    return schema;
  }
}
