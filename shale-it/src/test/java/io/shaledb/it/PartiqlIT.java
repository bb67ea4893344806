package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * PartiQL through the AWS SDK: every statement form, literal, function and RETURNING mode, pagination, batches,
 * transactions and their errors. Expected messages are DynamoDB's as the conformance suite
 * (paritysuite/dynamodb-conformance) and dynoxide recorded them from the service, unless a test says otherwise.
 */
@ShaleDbTest
class PartiqlIT {
  private final DynamoDbClient client;

  PartiqlIT(DynamoDbClient client) {
    this.client = client;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
    return client.executeStatement(r -> {
      r.statement(statement).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
      if (parameters.length > 0) {
        r.parameters(parameters);
      }
    });
  }

  /** A table keyed by pk (S) and sk (N), with global indexes on g (S) projecting all and keys only. */
  private String composite() {
    String name = Tables.unique("pql");
    client.createTable(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.N), Tables.definition("g", ScalarAttributeType.S))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(Tables.key("g", KeyType.HASH)).projection(Projection.builder()
                .projectionType(ProjectionType.ALL).build()).build(),
            GlobalSecondaryIndex.builder().indexName("keysOfG")
                .keySchema(Tables.key("g", KeyType.HASH)).projection(Projection.builder()
                    .projectionType(ProjectionType.KEYS_ONLY).build()).build())
        .build());
    return name;
  }

  private static List<Long> sortKeys(ExecuteStatementResponse response) {
    return response.items().stream().map(item -> Long.parseLong(item.get("sk").n())).toList();
  }

  @Test
  void insert_everyLiteral_isStoredWithItsType_andSelectReturnsIt() {
    String table = Tables.createSimple(client, "pql-literals");

    execute("INSERT INTO \"" + table + "\" VALUE {'id': 'a', 'str': 'it''s', 'num': -1.5e2, 'yes': true,"
        + " 'no': false, 'nothing': NULL, 'gone': MISSING, 'strings': <<'x', 'y'>>, 'numbers': <<1, 2>>,"
        + " 'list': [1, 'two', [3]], 'map': {'inner': {'deep': 'value'}}, 'bin': ?}",
        AttributeValue.fromB(SdkBytes.fromUtf8String("raw")));
    ExecuteStatementResponse read = execute("SELECT * FROM \"" + table + "\" WHERE id = ?", s("a"));

    assertThat(read.items()).singleElement().isEqualTo(Map.ofEntries(
        Map.entry("id", s("a")), Map.entry("str", s("it's")), Map.entry("num", n("-150")),
        Map.entry("yes", AttributeValue.fromBool(true)), Map.entry("no", AttributeValue.fromBool(false)),
        Map.entry("nothing", AttributeValue.fromNul(true)), Map.entry("strings", AttributeValue.fromSs(List.of("x",
            "y"))), Map.entry("numbers", AttributeValue.fromNs(List.of("1", "2"))),
        Map.entry("list", AttributeValue.fromL(List.of(n("1"), s("two"), AttributeValue.fromL(List.of(n("3")))))),
        Map.entry("map", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("deep", s("value")))))),
        Map.entry("bin", AttributeValue.fromB(SdkBytes.fromUtf8String("raw")))));
    assertThat(read.consumedCapacity().capacityUnits()).isEqualTo(0.5);
  }

  @Test
  void insert_existingKey_isDuplicateItemException() {
    String table = Tables.createSimple(client, "pql-dup");
    execute("INSERT INTO \"" + table + "\" VALUE {'id': 'a'}");

    assertThatThrownBy(() -> execute("INSERT INTO \"" + table + "\" VALUE {'id': 'a', 'x': 1}"))
        .isInstanceOfSatisfying(DuplicateItemException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Duplicate primary key exists in table"));
  }

  @Test
  void select_whereOperatorsAndFunctions_filterAsDynamoDbDoes() {
    String table = composite();
    for (int sk = 1; sk <= 6; sk++) {
      execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': ?, 'name': ?, 'tags': <<'t' >>, "
          + "'doc': {'arr': [0, {'c': ?}]}}", n(String.valueOf(sk)), s(sk % 2 == 0 ? "even-" + sk : "odd-" + sk),
          n(String.valueOf(sk * 10)));
    }
    execute("UPDATE \"" + table + "\" SET maybe = NULL WHERE pk = 'p' AND sk = 3");
    String from = "SELECT * FROM \"" + table + "\" WHERE pk = 'p' AND ";

    assertThat(sortKeys(execute(from + "sk BETWEEN 2 AND 4"))).containsExactly(2L, 3L, 4L);
    assertThat(sortKeys(execute(from + "sk IN [1, 5]"))).containsExactly(1L, 5L);
    assertThat(sortKeys(execute(from + "sk <> 1 AND sk < 3"))).containsExactly(2L);
    assertThat(sortKeys(execute(from + "(sk <= 1 OR sk >= 6)"))).containsExactly(1L, 6L);
    assertThat(sortKeys(execute(from + "NOT (sk > 1)"))).containsExactly(1L);
    assertThat(sortKeys(execute(from + "begins_with(name, 'even')"))).containsExactly(2L, 4L, 6L);
    assertThat(sortKeys(execute(from + "contains(name, '-5')"))).containsExactly(5L);
    assertThat(sortKeys(execute(from + "size(name) = 5 AND sk < 4"))).containsExactly(1L, 3L);
    assertThat(sortKeys(execute(from + "attribute_type(maybe, 'NULL')"))).containsExactly(3L);
    assertThat(sortKeys(execute(from + "maybe IS NOT MISSING"))).containsExactly(3L);
    assertThat(sortKeys(execute(from + "maybe IS MISSING AND sk < 3"))).containsExactly(1L, 2L);
    assertThat(sortKeys(execute(from + "maybe IS NULL"))).containsExactly(3L);
    assertThat(sortKeys(execute(from + "doc.arr[1].c = 40"))).containsExactly(4L);
    assertThat(sortKeys(execute(from + "contains(tags, 't') AND sk > 5"))).containsExactly(6L);
  }

  /** What IS tests and which IN forms run, as DynamoDB Local 3.3.1 answers them (the service's are not recorded). */
  @Test
  void select_isTypesAndInForms_answerAsDynamoDbLocal() {
    String table = composite();
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 1, 'v': NULL}");
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 2, 'v': true}");
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 3, 'v': 'text'}");
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 4, 'v': 4}");
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 5, 'v': {'a': 1}}");
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 6, 'v': [1]}");
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 7, 'v': <<'s'>>}");
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 8, 'v': ?}",
        AttributeValue.fromB(SdkBytes.fromUtf8String("raw")));
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 9}");
    String from = "SELECT * FROM \"" + table + "\" WHERE pk = 'p' AND ";

    assertThat(sortKeys(execute(from + "v IS NULL"))).containsExactly(1L);
    assertThat(sortKeys(execute(from + "v IS NOT NULL"))).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(sortKeys(execute(from + "v IS BOOL"))).containsExactly(2L);
    assertThat(sortKeys(execute(from + "v IS BOOLEAN"))).containsExactly(2L);
    assertThat(sortKeys(execute(from + "v IS STRING"))).containsExactly(3L);
    assertThat(sortKeys(execute(from + "v IS NUMERIC"))).containsExactly(4L);
    assertThat(sortKeys(execute(from + "v IS STRUCT"))).containsExactly(5L);
    assertThat(sortKeys(execute(from + "v IS TUPLE"))).containsExactly(5L);
    assertThat(sortKeys(execute(from + "v IS LIST"))).containsExactly(6L);
    assertThat(sortKeys(execute(from + "v IS BLOB"))).containsExactly(8L);
    assertThat(sortKeys(execute(from + "v IS NOT STRING AND sk > 6"))).containsExactly(7L, 8L, 9L);
    assertThat(sortKeys(execute(from + "v IN [?]", n("4")))).containsExactly(4L);
    assertThat(sortKeys(execute(from + "v IN [?]", AttributeValue.fromL(List.of(n("4")))))).isEmpty();
    assertThatThrownBy(() -> execute(from + "v IN ?", AttributeValue.fromL(List.of(n("4")))))
        .hasMessageStartingWith("IN operator must have a left hand argument of type Variable Reference and right hand"
            + " argument of type Seq with at least one member");
    assertThatThrownBy(() -> execute(from + "v IS INT")).hasMessageStartingWith("Unsupported data type for IS"
        + " operator: INTEGER. Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE,"
        + " LIST] at 1:");
  }

  @Test
  void select_projectionOrderByAndIndex_readAsDynamoDbDoes() {
    String table = composite();
    for (int sk = 1; sk <= 3; sk++) {
      execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': ?, 'g': 'group', 'm': {'x': ?}}",
          n(String.valueOf(sk)), n(String.valueOf(sk)));
    }

    ExecuteStatementResponse descending = execute("SELECT sk, m.x FROM \"" + table
        + "\" WHERE pk = 'p' ORDER BY sk DESC");
    ExecuteStatementResponse byIndex = execute("SELECT sk FROM \"" + table + "\".\"byG\" WHERE g = 'group'");

    assertThat(descending.items()).containsExactly(Map.of("sk", n("3"), "x", n("3")),
        Map.of("sk", n("2"), "x", n("2")), Map.of("sk", n("1"), "x", n("1")));
    assertThat(byIndex.items()).hasSize(3);
    assertThatThrownBy(() -> execute("SELECT sk, m FROM \"" + table + "\".\"keysOfG\" WHERE g = 'group'"))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("One or more parameter values were invalid: Global secondary index keysOfG does not project"
                + " [m]"));
    assertThatThrownBy(() -> client.executeStatement(r -> r.statement("SELECT * FROM \"" + table
        + "\".\"byG\" WHERE g = 'group'").consistentRead(true)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Strongly consistent read is not supported on Global Secondary Indexes"));
  }

  @Test
  void select_withLimit_pagesWithNextToken_seeingEveryItemOnce() {
    String table = Tables.createSimple(client, "pql-pages");
    for (int i = 0; i < 10; i++) {
      execute("INSERT INTO \"" + table + "\" VALUE {'id': ?}", s("k" + i));
    }
    List<Map<String, AttributeValue>> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ExecuteStatementResponse page = client.executeStatement(r -> r.statement("SELECT id FROM \"" + table + "\"")
          .limit(4).nextToken(next));
      seen.addAll(page.items());
      token = page.nextToken();
      pages++;
    } while (token != null && pages < 10);

    assertThat(seen).hasSize(10).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void update_setRemoveAndFunctions_withEveryReturningMode() {
    String table = Tables.createSimple(client, "pql-update");
    execute("INSERT INTO \"" + table + "\" VALUE {'id': 'a', 'n': 1, 'l': [1], 's': <<'x'>>, 'd': <<'y', 'z'>>,"
        + " 'r': 'gone'}");
    String where = " WHERE id = 'a'";

    ExecuteStatementResponse allNew = execute("UPDATE \"" + table + "\" SET n = n + 2 SET l = list_append(l, [2])"
        + " SET s = set_add(s, <<'w'>>) SET d = set_delete(d, <<'z'>>) REMOVE r" + where + " RETURNING ALL NEW *");
    ExecuteStatementResponse modifiedOld = execute("UPDATE \"" + table + "\" SET n = n - 1" + where
        + " RETURNING MODIFIED OLD *");
    ExecuteStatementResponse modifiedNew = execute("UPDATE \"" + table + "\" SET extra = 'e'" + where
        + " RETURNING MODIFIED NEW *");
    ExecuteStatementResponse allOld = execute("UPDATE \"" + table + "\" SET extra = 'f'" + where
        + " RETURNING ALL OLD *");
    ExecuteStatementResponse deleted = execute("DELETE FROM \"" + table + "\"" + where + " RETURNING ALL OLD *");

    assertThat(allNew.items()).singleElement().isEqualTo(Map.of("id", s("a"), "n", n("3"),
        "l", AttributeValue.fromL(List.of(n("1"), n("2"))), "s", AttributeValue.fromSs(List.of("x", "w")),
        "d", AttributeValue.fromSs(List.of("y"))));
    assertThat(modifiedOld.items()).singleElement().isEqualTo(Map.of("n", n("3")));
    assertThat(modifiedNew.items()).singleElement().isEqualTo(Map.of("extra", s("e")));
    assertThat(allOld.items()).singleElement().satisfies(item -> assertThat(item).containsEntry("extra", s("e")));
    assertThat(deleted.items()).singleElement().satisfies(item -> assertThat(item).containsEntry("extra", s("f")));
    assertThat(execute("SELECT * FROM \"" + table + "\"" + where).items()).isEmpty();
  }

  @Test
  void writes_failedConditions_answerAsDynamoDb() {
    String table = Tables.createSimple(client, "pql-conditions");
    execute("INSERT INTO \"" + table + "\" VALUE {'id': 'a', 'x': 1}");

    assertThatThrownBy(() -> execute("UPDATE \"" + table + "\" SET x = 2 WHERE id = 'absent'"))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed"));
    assertThatThrownBy(() -> client.executeStatement(r -> r.statement("DELETE FROM \"" + table
        + "\" WHERE id = 'a' AND x = 5").returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e ->
            assertThat(e.item()).isEqualTo(Map.of("id", s("a"), "x", n("1"))));
    assertThatThrownBy(() -> execute("UPDATE \"" + table + "\" SET x = 2 WHERE x = 1"))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Where clause does not contain a mandatory equality on all key attributes"));
  }

  private static String strings(int count) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add("'v" + i + "'");
    }
    return "[" + String.join(", ", values) + "]";
  }

  /**
   * The developer guide's bounds on IN: 100 values, in DynamoDB Local 3.3.1's words, checked before the table is
   * looked up; 50 partition-key values, in the words DynamoDB's PartiQL library holds for too many reads.
   */
  @Test
  void select_inOverItsBounds_isRefusedWithDynamoDbsMessages() {
    String table = composite();
    execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'v49', 'sk': 1, 'g': 'v99'}");
    String from = "SELECT * FROM \"" + table + "\" WHERE ";

    assertThat(sortKeys(execute(from + "pk IN " + strings(50)))).containsExactly(1L);
    assertThat(sortKeys(execute(from + "pk = 'v49' AND g IN " + strings(100)))).containsExactly(1L);
    assertThatThrownBy(() -> execute(from + "pk IN " + strings(51)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Too many decomposed read operations for a given query."));
    assertThatThrownBy(() -> execute(from + "pk = 'v49' AND g IN " + strings(101)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("The IN operator is provided with too many operands; number of operands: 101"));
    assertThatThrownBy(() -> execute("SELECT * FROM \"no-such-table\" WHERE g IN " + strings(101)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("The IN operator is provided with too many operands; number of operands: 101"));
  }

  @Test
  void execute_requestErrors_areDynamoDbsMessages() {
    String table = Tables.createSimple(client, "pql-errors");

    assertThatThrownBy(() -> execute("SELECTT * FROMM \"" + table + "\""))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Statement wasn't well formed, can't be processed: Expected data manipulation"));
    assertThatThrownBy(() -> execute("SELECT * FROM \"no-such-table\" WHERE id = 'x'"))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Requested resource not found"));
    assertThatThrownBy(() -> execute("SELECT * FROM \"" + table + "\" WHERE id = ?"))
        .hasMessageStartingWith("Number of parameters in request and statement don't match.");
    assertThatThrownBy(() -> client.executeStatement(r -> r.statement("").parameters(List.of())))
        .hasMessageStartingWith("2 validation errors detected: Value '' at 'statement' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 1; Value '[]' at 'parameters' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
  }

  /** The conformance suite's captures of DynamoDB reading numbers in Parameters (partiqlParameterNumbers). */
  @Test
  void parameters_badNumbers_refusedAsDynamoDbReadsParameters() {
    String table = composite();
    String select = "SELECT * FROM \"" + table + "\" WHERE pk = 'p' AND n = ?";
    String unconvertible = "The parameter cannot be converted to a numeric value";
    AttributeValue deep = s("leaf");
    for (int i = 0; i < 40; i++) {
      deep = AttributeValue.fromM(Map.of("n", deep));
    }
    AttributeValue tooDeep = deep;

    assertThatThrownBy(() -> execute(select, n("1e99999999999")))
        .hasMessageStartingWith(unconvertible + ": 1e99999999999 (Service: DynamoDb, Status Code: 400");
    assertThatThrownBy(() -> execute(select, n("")))
        .hasMessageStartingWith(unconvertible + " (Service: DynamoDb, Status Code: 400");
    assertThatThrownBy(() -> execute(select, n("1e2147483647"))).hasMessageStartingWith(
        "Number underflow. Attempting to store a number with magnitude smaller than supported range (Service");
    assertThatThrownBy(() -> execute(select, AttributeValue.fromNs(List.of("1", "1e2147483648"))))
        .hasMessageStartingWith(unconvertible + ": 1e2147483648 (Service");
    assertThatThrownBy(() -> execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'p', 'sk': 1, 'x': ?, 'y': ?}",
        tooDeep, n("abc"))).hasMessageStartingWith("Nesting Levels have exceeded supported limits: Attributes in the"
            + " item have nested levels beyond supported limit (Service");
    assertThatThrownBy(() -> client.executeTransaction(r -> r.transactStatements(ParameterizedStatement.builder()
        .statement("UPDATE \"" + table + "\" SET n = ? WHERE pk = 'p' AND sk = 1").parameters(n("1e99999999999"))
        .build()))).hasMessageStartingWith(unconvertible + ": 1e99999999999 (Service");
    List<BatchStatementResponse> batch = client.batchExecuteStatement(r -> r.statements(
        BatchStatementRequest.builder().statement(select + " AND sk = 1").parameters(n("1e99999999999")).build(),
        BatchStatementRequest.builder().statement("SELECT * FROM \"" + table + "\" WHERE pk = 'p' AND sk = 2")
            .build())).responses();
    assertThat(batch.get(0).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
    assertThat(batch.get(0).error().message()).isEqualTo(unconvertible + ": 1e99999999999");
    assertThat(batch.get(1).error()).isNull();
  }

  @Test
  void batch_readsAndWrites_answerPerStatement() {
    String table = Tables.createSimple(client, "pql-batch");
    execute("INSERT INTO \"" + table + "\" VALUE {'id': 'a', 'x': 1}");

    List<BatchStatementResponse> writes = client.batchExecuteStatement(r -> r.statements(
        BatchStatementRequest.builder().statement("INSERT INTO \"" + table + "\" VALUE {'id': 'b'}").build(),
        BatchStatementRequest.builder().statement("INSERT INTO \"" + table + "\" VALUE {'id': 'a'}").build(),
        BatchStatementRequest.builder().statement("UPDATE \"" + table + "\" SET x = 2 WHERE id = 'c'").build()))
        .responses();
    List<BatchStatementResponse> reads = client.batchExecuteStatement(r -> r.statements(
        BatchStatementRequest.builder().statement("SELECT * FROM \"" + table + "\" WHERE id = ?")
            .parameters(s("a")).build(),
        BatchStatementRequest.builder().statement("SELECT * FROM \"" + table + "\" WHERE x = 1").build()))
        .responses();

    assertThat(writes.get(0).error()).isNull();
    assertThat(writes.get(0).tableName()).isEqualTo(table);
    assertThat(writes.get(1).error().code()).isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
    assertThat(writes.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
    assertThat(writes.get(2).error().code()).isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
    assertThat(reads.get(0).item()).isEqualTo(Map.of("id", s("a"), "x", n("1")));
    assertThat(reads.get(1).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
    assertThat(reads.get(1).error().message()).isEqualTo(
        "Select statements within BatchExecuteStatement must specify the primary key in the where clause.");
    assertThatThrownBy(() -> client.batchExecuteStatement(r -> r.statements(
        BatchStatementRequest.builder().statement("SELECT * FROM \"" + table + "\" WHERE id = 'a'").build(),
        BatchStatementRequest.builder().statement("DELETE FROM \"" + table + "\" WHERE id = 'b'").build())))
        .hasMessageStartingWith("Read and write requests together in the same batch is not supported.");
  }

  @Test
  void transaction_appliesAllOrNone_withReasonsPerStatement() {
    String table = Tables.createSimple(client, "pql-tx");
    execute("INSERT INTO \"" + table + "\" VALUE {'id': 'a', 'x': 1}");

    ExecuteTransactionResponse applied = client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement("EXISTS(SELECT * FROM \"" + table + "\" WHERE id = 'a' AND x = 1)")
            .build(),
        ParameterizedStatement.builder().statement("INSERT INTO \"" + table + "\" VALUE {'id': ?}")
            .parameters(s("b")).build()).clientRequestToken(Tables.unique("pql-token"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(applied.consumedCapacity()).singleElement()
        .satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(4.0));
    // A write transaction answers an empty Responses list (the conformance suite's capture of the service).
    assertThat(applied.hasResponses()).isTrue();
    assertThat(applied.responses()).isEmpty();
    assertThatThrownBy(() -> client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement("INSERT INTO \"" + table + "\" VALUE {'id': 'c'}").build(),
        ParameterizedStatement.builder().statement("INSERT INTO \"" + table + "\" VALUE {'id': 'a'}").build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation"
              + " reasons for specific reasons [None, DuplicateItem]");
          assertThat(e.cancellationReasons().get(1).code()).isEqualTo("DuplicateItem");
        });
    assertThat(execute("SELECT * FROM \"" + table + "\" WHERE id = 'c'").items()).isEmpty();
    ExecuteTransactionResponse read = client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement("SELECT * FROM \"" + table + "\" WHERE id = 'b'").build(),
        ParameterizedStatement.builder().statement("SELECT * FROM \"" + table + "\" WHERE id = 'none'").build()));
    assertThat(read.responses()).hasSize(2);
    assertThat(read.responses().get(0).item()).isEqualTo(Map.of("id", s("b")));
    assertThat(read.responses().get(1).item()).isEmpty();
    assertThatThrownBy(() -> client.executeTransaction(r -> r.transactStatements(List.of())))
        .hasMessageStartingWith("1 validation error detected: Value at 'transactStatements' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
  }
}
