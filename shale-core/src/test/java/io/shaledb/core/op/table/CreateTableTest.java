package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Tag;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CreateTable and DescribeTable against the memory engine. Messages are DynamoDB's as GoldenErrorsIT (tables.txt,
 * from dynalite's recordings of the service) checks them through the SDK, and as dynalite's createTable tests record
 * them for secondary indexes.
 */
class CreateTableTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final CreateTable create = new CreateTable(db);
  private final DescribeTable describe = new DescribeTable(db);

  private static AttributeDefinition definition(String name, ScalarType type) {
    return new AttributeDefinition(name, Choice.of(type));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return new KeySchemaElement(name, Choice.of(type));
  }

  private static SecondaryIndex index(String name, List<KeySchemaElement> keys, ProjectionType projection,
      List<String> nonKeyAttributes) {
    return new SecondaryIndex(name, keys, Choice.of(projection), nonKeyAttributes, true, null);
  }

  private static CreateTableInput input(String name, List<AttributeDefinition> definitions,
      List<KeySchemaElement> keys, List<SecondaryIndex> locals, List<SecondaryIndex> globals) {
    return new CreateTableInput(name, definitions, keys, Choice.of(BillingMode.PAY_PER_REQUEST), null, null, null,
        locals, globals, null, List.of());
  }

  private static CreateTableInput simple(String name) {
    return input(name, List.of(definition("id", ScalarType.S)), List.of(key("id", KeyType.HASH)), null, null);
  }

  private TableDescription execute(CreateTableInput input) {
    return Requests.run(create, input);
  }

  @Test
  void create_reportsCreating_andTheTableIsActiveAtOnce() {
    TableDescription created = execute(input("orders", List.of(definition("pk", ScalarType.S),
        definition("sk", ScalarType.N)), List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), null, null));
    TableDescription described = describe.execute("orders", Requests.request());

    assertThat(created.status()).isEqualTo(TableStatus.CREATING);
    assertThat(described.status()).isEqualTo(TableStatus.ACTIVE);
    assertThat(described.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
    assertThat(described.table().tableId()).matches("[0-9a-f-]{36}").isEqualTo(created.table().tableId());
    assertThat(described.table().keySchema().partitionKey()).isEqualTo(new KeyAttribute("pk", ScalarType.S));
    assertThat(described.table().keySchema().sortKey()).contains(new KeyAttribute("sk", ScalarType.N));
    assertThat(described.table().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(described.table().provisionedThroughput()).isEqualTo(ProvisionedThroughput.ON_DEMAND);
    assertThat(described.table().creationDateTime()).isEqualTo(clock.instant());
    assertThat(described.itemCount()).isZero();
    assertThat(described.latestStream()).isNull();
  }

  @Test
  void create_withIndexesStreamTagsAndProtection_describesThemAll() {
    SecondaryIndex local = index("byLocal", List.of(key("pk", KeyType.HASH), key("l", KeyType.RANGE)),
        ProjectionType.KEYS_ONLY, null);
    SecondaryIndex global = index("byGlobal", List.of(key("g", KeyType.HASH)), ProjectionType.INCLUDE, List.of("x"));
    execute(new CreateTableInput("full", List.of(definition("pk", ScalarType.S), definition("sk", ScalarType.S),
        definition("l", ScalarType.N), definition("g", ScalarType.B)), List.of(key("pk", KeyType.HASH),
        key("sk", KeyType.RANGE)), Choice.of(BillingMode.PAY_PER_REQUEST), null, List.of(new Tag("team", "core")),
        true, List.of(local), List.of(global), new StreamSpecification(true, Choice.of(StreamViewType.KEYS_ONLY)),
        List.of()));

    TableDescription described = describe.execute("full", Requests.request());
    IndexMetadata byLocal = described.table().index("byLocal");
    IndexMetadata byGlobal = described.table().index("byGlobal");
    assertThat(byLocal.local()).isTrue();
    assertThat(byLocal.projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(byLocal.keySchema().sortKey()).contains(new KeyAttribute("l", ScalarType.N));
    assertThat(byGlobal.local()).isFalse();
    assertThat(byGlobal.status()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(byGlobal.nonKeyAttributes()).containsExactly("x");
    assertThat(described.indexItemCounts()).containsOnlyKeys("byLocal", "byGlobal");
    assertThat(described.table().tags()).isEqualTo(Map.of("team", "core"));
    assertThat(described.table().deletionProtectionEnabled()).isTrue();
    assertThat(described.latestStream().viewType()).isEqualTo(StreamViewType.KEYS_ONLY);
    assertThat(described.latestStream().arn()).isEqualTo(described.tableArn() + "/stream/2026-06-01T12:00:00.000");
  }

  @Test
  void create_provisioned_keepsItsThroughput() {
    execute(new CreateTableInput("provisioned", List.of(definition("id", ScalarType.S)),
        List.of(key("id", KeyType.HASH)), null, new Throughput(5L, 7L), null, null, null, null, null, List.of()));

    TableDescription described = describe.execute("provisioned", Requests.request());
    assertThat(described.table().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(described.table().provisionedThroughput()).isEqualTo(ProvisionedThroughput.of(5, 7));
  }

  @Test
  void create_ofAnExistingTable_isResourceInUse() {
    execute(simple("taken"));

    assertThatThrownBy(() -> execute(simple("taken")))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_IN_USE))
        .hasMessage("Table already exists: taken");
  }

  @Test
  void create_ofANameThisRegionWitnesses_isResourceInUse_decidedInTheCatalogChange() {
    db.catalog().change(change -> {
      change.putWitnessed(new WitnessedTable("strong", change.allocateKeyspaces(1), List.of("eu-west-1", "us-west-2"),
          clock.instant()));
      return null;
    });

    assertThatThrownBy(() -> execute(simple("strong")))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_IN_USE))
        .hasMessage("Table already exists: strong");
    assertThat(db.catalog().find("strong")).isEmpty();
  }

  @Test
  void keySchemaErrors_inDynamoDbsOrder() {
    assertThatThrownBy(() -> execute(input("abc", List.of(definition("b", ScalarType.S)),
        List.of(key("a", KeyType.HASH)), null, null)))
        .hasMessage("One or more parameter values were invalid: Some index key attributes are not defined in"
            + " AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]");
    assertThatThrownBy(() -> execute(input("abc", List.of(definition("b", ScalarType.S)),
        List.of(key("a", KeyType.HASH), key("b", KeyType.RANGE)), null, null)))
        .hasMessage("Invalid KeySchema: Some index key attribute have no definition");
    assertThatThrownBy(() -> execute(input("abc", List.of(definition("a", ScalarType.S), definition("b",
        ScalarType.S)), List.of(key("a", KeyType.HASH), key("a", KeyType.HASH)), null, null)))
        .hasMessage("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    assertThatThrownBy(() -> execute(input("abc", List.of(definition("a", ScalarType.S), definition("b",
        ScalarType.S)), List.of(key("a", KeyType.RANGE), key("b", KeyType.HASH)), null, null)))
        .hasMessage("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    assertThatThrownBy(() -> execute(input("abc", List.of(definition("a", ScalarType.S), definition("b",
        ScalarType.S)), List.of(key("a", KeyType.HASH), key("b", KeyType.HASH)), null, null)))
        .hasMessage("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    assertThatThrownBy(() -> execute(input("abc", List.of(definition("a", ScalarType.S), definition("b",
        ScalarType.S)), List.of(key("a", KeyType.HASH)), null, null)))
        .hasMessage("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly"
            + " match number of attributes defined in AttributeDefinitions");
  }

  @Test
  void billingModeAndThroughputErrors() {
    assertThatThrownBy(() -> execute(new CreateTableInput("abc", List.of(definition("a", ScalarType.S)),
        List.of(key("a", KeyType.HASH)), Choice.of(BillingMode.PAY_PER_REQUEST), new Throughput(1L, 1L), null, null,
        null, null, null, List.of())))
        .hasMessage("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can"
            + " be specified when BillingMode is PAY_PER_REQUEST");
    assertThatThrownBy(() -> execute(new CreateTableInput("abc", List.of(definition("a", ScalarType.S)),
        List.of(key("a", KeyType.HASH)), null, null, null, null, null, null, null, List.of())))
        .hasMessage("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be"
            + " specified when BillingMode is PROVISIONED");
    assertThatThrownBy(() -> execute(new CreateTableInput("abc", List.of(definition("a", ScalarType.S)),
        List.of(key("a", KeyType.HASH)), null, new Throughput(1_000_000_000_001L, 1_000_000_000_001L), null, null,
        null, null, null, List.of()))).hasMessage("Given value 1000000000001 for ReadCapacityUnits is out of bounds");
  }

  @Test
  void secondaryIndexErrors() {
    List<AttributeDefinition> definitions = List.of(definition("pk", ScalarType.S), definition("sk", ScalarType.S),
        definition("l", ScalarType.S));
    SecondaryIndex local = index("byLocal", List.of(key("pk", KeyType.HASH), key("l", KeyType.RANGE)),
        ProjectionType.ALL, null);

    assertThatThrownBy(() -> execute(input("abc", List.of(definition("pk", ScalarType.S), definition("l",
        ScalarType.S)), List.of(key("pk", KeyType.HASH)), List.of(local), null)))
        .hasMessage("One or more parameter values were invalid: Table KeySchema does not have a range key, which is"
            + " required when specifying a LocalSecondaryIndex");
    assertThatThrownBy(() -> execute(input("abc", definitions, List.of(key("pk", KeyType.HASH), key("sk",
        KeyType.RANGE)), List.of(local, local), null)))
        .hasMessage("One or more parameter values were invalid: Duplicate index name: byLocal");
    assertThatThrownBy(() -> execute(input("abc", List.of(definition("pk", ScalarType.S), definition("sk",
        ScalarType.S), definition("l", ScalarType.S), definition("unused", ScalarType.N)), List.of(key("pk",
        KeyType.HASH), key("sk", KeyType.RANGE)), List.of(local), null)))
        .hasMessage("One or more parameter values were invalid: Some AttributeDefinitions are not used."
            + " AttributeDefinitions: [pk, sk, l, unused], keys used: [pk, sk, l]");
    assertThatThrownBy(() -> execute(input("abc", definitions, List.of(key("pk", KeyType.HASH), key("sk",
        KeyType.RANGE)), null, List.of(index("byL", List.of(key("l", KeyType.HASH)), ProjectionType.KEYS_ONLY,
        List.of("x"))))))
        .hasMessage("One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but NonKeyAttributes is"
            + " specified");
    assertThat(db.catalog().list()).isEmpty();
  }

  @Test
  void streamSpecificationErrors() {
    assertThatThrownBy(() -> execute(new CreateTableInput("abc", List.of(definition("a", ScalarType.S)),
        List.of(key("a", KeyType.HASH)), Choice.of(BillingMode.PAY_PER_REQUEST), null, null, null, null, null,
        new StreamSpecification(true, null), List.of())))
        .hasMessage("One or more parameter values were invalid: Table is being created with a stream enabled,"
            + " UpdateViewType is required");
  }

  @Test
  void validate_declaredConstraints() {
    assertThatThrownBy(() -> create.validate(new CreateTableInput(null, null, null, null, null, null, null, null,
        null, null, List.of())))
        .hasMessage("The parameter 'TableName' is required but was not present in the request");
    assertThatThrownBy(() -> create.validate(new CreateTableInput("ab", null, null, null, null, null, null, null,
        null, null, List.of())))
        .as("the table name on its own, before the other members")
        .hasMessage("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 3");
    assertThatThrownBy(() -> create.validate(new CreateTableInput("a;", null, null, null, null, null, null, null,
        null, null, List.of())))
        .hasMessage("2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: Member"
            + " must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'tableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 3");
    assertThatThrownBy(() -> create.validate(new CreateTableInput("abc", null, null, null, null, null, null, null,
        null, null, List.of())))
        .hasMessage("2 validation errors detected: Value null at 'attributeDefinitions' failed to satisfy"
            + " constraint: Member must not be null; Value null at 'keySchema' failed to satisfy constraint: Member"
            + " must not be null");
    assertThatThrownBy(() -> create.validate(new CreateTableInput("abc", List.of(definition("a", ScalarType.S)),
        List.of(key("a", KeyType.HASH)), Choice.of("FREE", BillingMode.class), null, null, null, null, null, null,
        List.of())))
        .hasMessage("1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member"
            + " must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
  }

  @Test
  void describe_ofATableThatDoesNotExist_isResourceNotFound() {
    assertThatThrownBy(() -> describe.execute("no-such-table", Requests.request()))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Requested resource not found: Table: no-such-table not found");
  }
}
