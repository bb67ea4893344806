package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.auth.NewAccessKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The policy matrix through the SDK: a user made without policies ("alice", tagged {@code team=data}) is given one
 * identity policy per row (and the table an optional resource policy, set by an administrator), then makes one call;
 * the row says whether DynamoDB would serve it or refuse it with AccessDeniedException, and then for which action,
 * on which resource and why, in the message's exact words. Rows cover each condition key and operator, Deny over
 * Allow, wildcards, resource policies, and the batch, transaction, PartiQL and stream paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyMatrixIT {
  private static final String ACCOUNT = "000000000000";
  private static final String ALICE_ARN = "arn:aws:iam::" + ACCOUNT + ":user/alice";
  private static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Music";

  private ShaleDbServer server;
  private DynamoDbClient admin;
  private DynamoDbClient alice;
  private DynamoDbStreamsClient aliceStreams;
  private String streamArn;
  private Map<String, Consumer<String>> calls;

  @BeforeAll
  void start(@TempDir Path keys) throws InterruptedException {
    server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort()
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(keys.resolve("auth.key"))));
    server.principals().createUser("root");
    NewAccessKey rootKey = server.principals().createAccessKey("root");
    server.principals().createUser("alice", false);
    server.principals().tagUser("alice", Map.of("team", "data"));
    NewAccessKey aliceKey = server.principals().createAccessKey("alice");
    admin = client(rootKey);
    alice = client(aliceKey);
    aliceStreams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(aliceKey.key().id(), aliceKey.secret())))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
    admin.createTable(t -> t.tableName("Music").billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(attribute("artist"), attribute("title"))
        .keySchema(key("artist", "HASH"), key("title", "RANGE"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByTitle").keySchema(key("title", "HASH"))
            .projection(Projection.builder().projectionType("ALL").build()).build())
        .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")));
    streamArn = admin.describeTable(d -> d.tableName("Music")).table().latestStreamArn();
    for (String artist : List.of("alice", "bob")) {
      admin.putItem(p -> p.tableName("Music").item(Map.of("artist", s(artist), "title", s("song"),
          "year", AttributeValue.fromN("2020"), "secret", s("x"))));
    }
    calls = calls();
  }

  @AfterAll
  void stop() {
    admin.close();
    alice.close();
    aliceStreams.close();
    server.close();
  }

  @AfterEach
  void forgetPolicies() {
    server.principals().userPolicies("alice").keySet()
        .forEach(name -> server.principals().deleteUserPolicy("alice", name));
    for (String arn : List.of(TABLE_ARN, streamArn)) {
      try {
        admin.deleteResourcePolicy(d -> d.resourceArn(arn));
      } catch (PolicyNotFoundException noPolicy) {
        // The row set none.
      }
    }
  }

  private DynamoDbClient client(NewAccessKey key) {
    return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(key.key().id(), key.secret())))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType("S").build();
  }

  private static KeySchemaElement key(String name, String type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeValue s(String text) {
    return AttributeValue.fromS(text);
  }

  private static Map<String, AttributeValue> songOf(String artist) {
    return Map.of("artist", s(artist), "title", s("song"));
  }

  /** The calls rows name; each takes the artist whose item it touches. */
  private Map<String, Consumer<String>> calls() {
    return Map.ofEntries(
        Map.entry("GetItem", a -> alice.getItem(g -> g.tableName("Music").key(songOf(a)))),
        Map.entry("GetItem(year)", a -> alice.getItem(g -> g.tableName("Music").key(songOf(a))
            .projectionExpression("artist, #y").expressionAttributeNames(Map.of("#y", "year")))),
        Map.entry("GetItem(secret)", a -> alice.getItem(g -> g.tableName("Music").key(songOf(a))
            .projectionExpression("secret"))),
        Map.entry("GetItem+capacity", a -> alice.getItem(g -> g.tableName("Music").key(songOf(a))
            .returnConsumedCapacity("TOTAL"))),
        Map.entry("PutItem", a -> alice.putItem(p -> p.tableName("Music").item(songOf(a)))),
        Map.entry("PutItem+ALL_OLD", a -> alice.putItem(p -> p.tableName("Music").item(songOf(a))
            .returnValues("ALL_OLD"))),
        Map.entry("UpdateItem(year)", a -> alice.updateItem(u -> u.tableName("Music").key(songOf(a))
            .updateExpression("SET #y = :y").expressionAttributeNames(Map.of("#y", "year"))
            .expressionAttributeValues(Map.of(":y", AttributeValue.fromN("2021"))))),
        Map.entry("UpdateItem(secret)", a -> alice.updateItem(u -> u.tableName("Music").key(songOf(a))
            .updateExpression("SET secret = :s").expressionAttributeValues(Map.of(":s", s("y"))))),
        Map.entry("DeleteItem", a -> alice.deleteItem(d -> d.tableName("Music").key(songOf("nobody")))),
        Map.entry("Query", a -> alice.query(q -> q.tableName("Music").keyConditionExpression("artist = :a")
            .expressionAttributeValues(Map.of(":a", s(a))))),
        Map.entry("Query(index)", a -> alice.query(q -> q.tableName("Music").indexName("ByTitle")
            .keyConditionExpression("title = :t").expressionAttributeValues(Map.of(":t", s("song"))))),
        Map.entry("Scan", a -> alice.scan(q -> q.tableName("Music"))),
        Map.entry("Scan(COUNT)", a -> alice.scan(q -> q.tableName("Music").select("COUNT"))),
        Map.entry("BatchGetItem", a -> alice.batchGetItem(b -> b.requestItems(Map.of("Music",
            KeysAndAttributes.builder().keys(List.of(songOf(a))).build())))),
        Map.entry("BatchWriteItem", a -> alice.batchWriteItem(b -> b.requestItems(Map.of("Music", List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(songOf(a)).build()).build()))))),
        Map.entry("TransactWriteItems", a -> alice.transactWriteItems(t -> t.transactItems(
            TransactWriteItem.builder().put(Put.builder().tableName("Music").item(songOf(a)).build()).build(),
            TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("Music")
                .key(songOf("bob")).conditionExpression("attribute_exists(artist)").build()).build()))),
        Map.entry("TransactGetItems", a -> alice.transactGetItems(t -> t.transactItems(TransactGetItem.builder()
            .get(g -> g.tableName("Music").key(songOf(a))).build()))),
        Map.entry("PartiQL SELECT", a -> alice.executeStatement(e -> e.statement(
            "SELECT * FROM \"Music\" WHERE artist = '" + a + "'"))),
        Map.entry("PartiQL SELECT index", a -> alice.executeStatement(e -> e.statement(
            "SELECT * FROM \"Music\".\"ByTitle\" WHERE title = 'song'"))),
        Map.entry("PartiQL INSERT", a -> alice.executeStatement(e -> e.statement(
            "INSERT INTO \"Music\" VALUE {'artist': '" + a + "', 'title': 'new" + System.nanoTime() + "'}"))),
        Map.entry("PartiQL UPDATE", a -> alice.executeStatement(e -> e.statement(
            "UPDATE \"Music\" SET \"year\" = 1 WHERE artist = '" + a + "' AND title = 'song'"))),
        Map.entry("PartiQL DELETE", a -> alice.executeStatement(e -> e.statement(
            "DELETE FROM \"Music\" WHERE artist = 'nobody' AND title = 'song'"))),
        Map.entry("BatchExecuteStatement", a -> {
          var response = alice.batchExecuteStatement(b -> b.statements(BatchStatementRequest.builder()
              .statement("SELECT * FROM \"Music\" WHERE artist = '" + a + "' AND title = 'song'").build()));
          assertThat(response.responses()).allSatisfy(r -> assertThat(r.error()).isNull());
        }),
        Map.entry("BatchExecuteStatement(one denied)", a -> {
          var response = alice.batchExecuteStatement(b -> b.statements(
              BatchStatementRequest.builder().statement("SELECT * FROM \"Music\" WHERE artist = '" + a
                  + "' AND title = 'song'").build(),
              BatchStatementRequest.builder().statement("SELECT * FROM \"Music\".\"ByTitle\" WHERE title = 'song'"
                  + " AND artist = '" + a + "'").build()));
          assertThat(response.responses().get(0).error()).isNull();
          assertThat(response.responses().get(0).item()).containsEntry("artist", s(a));
          assertThat(response.responses().get(1).error().codeAsString()).isEqualTo("AccessDenied");
          assertThat(response.responses().get(1).error().message()).isEqualTo("User: " + ALICE_ARN + " is not"
              + " authorized to perform: dynamodb:PartiQLSelect on resource: " + TABLE_ARN + "/index/ByTitle because"
              + " no identity-based policy allows the dynamodb:PartiQLSelect action");
        }),
        Map.entry("ExecuteTransaction", a -> alice.executeTransaction(t -> t.transactStatements(
            ParameterizedStatement.builder().statement("UPDATE \"Music\" SET tx = 1 WHERE artist = '" + a
                + "' AND title = 'song'").build()))),
        Map.entry("DescribeStream", a -> aliceStreams.describeStream(d -> d.streamArn(streamArn))),
        Map.entry("GetRecords", a -> {
          String shard = aliceStreams.describeStream(d -> d.streamArn(streamArn)).streamDescription().shards()
              .get(0).shardId();
          String iterator = aliceStreams.getShardIterator(g -> g.streamArn(streamArn).shardId(shard)
              .shardIteratorType("TRIM_HORIZON")).shardIterator();
          aliceStreams.getRecords(g -> g.shardIterator(iterator));
        }),
        Map.entry("ListTables", a -> alice.listTables()),
        Map.entry("DescribeTable", a -> alice.describeTable(d -> d.tableName("Music"))),
        Map.entry("GetResourcePolicy", a -> alice.getResourcePolicy(g -> g.resourceArn(TABLE_ARN))));
  }

  /**
   * Rows: name | alice's policy statements | the table's resource policy statements (the stream's after {@code
   * STREAM}), or empty | the call | the artist
   * it touches | {@code ok}, or the denial: {@code action resource why}, where resource is the ARN's part after the
   * account ({@code STREAM} for the stream's) and why is {@code none}, {@code identity} or {@code resource}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no policy is default deny | | | GetItem | alice | dynamodb:GetItem table/Music none
      exact action | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"} | | GetItem | alice | ok
      other action not allowed | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"} | | PutItem | alice | dynamodb:PutItem table/Music none
      action wildcard | {"Effect":"Allow","Action":"dynamodb:Get*","Resource":"*"} | | GetItem | alice | ok
      service wildcard | {"Effect":"Allow","Action":"dynamodb:*","Resource":"*"} | | Scan | alice | ok
      NotAction | {"Effect":"Allow","NotAction":"dynamodb:Scan","Resource":"*"} | | Scan | alice | dynamodb:Scan table/Music none
      resource ARN | {"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Music"} | | Query | alice | ok
      resource of another table | {"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:*:*:table/Other"} | | Query | alice | dynamodb:Query table/Music none
      table ARN does not cover an index | {"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:*:*:table/Music"} | | Query(index) | alice | dynamodb:Query table/Music/index/ByTitle none
      index wildcard | {"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:*:*:table/Music/index/*"} | | Query(index) | alice | ok
      NotResource | {"Effect":"Allow","Action":"*","NotResource":"arn:aws:dynamodb:*:*:table/Music/index/*"} | | Query(index) | alice | dynamodb:Query table/Music/index/ByTitle none
      explicit deny wins | {"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"dynamodb:DeleteItem","Resource":"*"} | | DeleteItem | alice | dynamodb:DeleteItem table/Music identity
      LeadingKeys own partition | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:username}"]}}} | | GetItem | alice | ok
      LeadingKeys other partition | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:username}"]}}} | | GetItem | bob | dynamodb:GetItem table/Music none
      LeadingKeys on Query | {"Effect":"Allow","Action":"dynamodb:Query","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["alice"]}}} | | Query | bob | dynamodb:Query table/Music none
      LeadingKeys on BatchGetItem | {"Effect":"Allow","Action":"dynamodb:BatchGetItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["alice"]}}} | | BatchGetItem | alice | ok
      LeadingKeys on BatchWriteItem | {"Effect":"Allow","Action":"dynamodb:BatchWriteItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["alice"]}}} | | BatchWriteItem | bob | dynamodb:BatchWriteItem table/Music none
      Attributes allowed projection | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["artist","title","year"]}}} | | GetItem(year) | alice | ok
      Attributes refused projection | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["artist","title","year"]}}} | | GetItem(secret) | alice | dynamodb:GetItem table/Music none
      Attributes denied on update | {"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"dynamodb:UpdateItem","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"dynamodb:Attributes":["secret"]}}} | | UpdateItem(secret) | alice | dynamodb:UpdateItem table/Music identity
      Attributes other update allowed | {"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"dynamodb:UpdateItem","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"dynamodb:Attributes":["secret"]}}} | | UpdateItem(year) | alice | ok
      Select COUNT only | {"Effect":"Allow","Action":"dynamodb:Scan","Resource":"*","Condition":{"StringEquals":{"dynamodb:Select":"COUNT"}}} | | Scan(COUNT) | alice | ok
      Select all refused | {"Effect":"Allow","Action":"dynamodb:Scan","Resource":"*","Condition":{"StringEquals":{"dynamodb:Select":"COUNT"}}} | | Scan | alice | dynamodb:Scan table/Music none
      ReturnValues IfExists absent | {"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*","Condition":{"StringEqualsIfExists":{"dynamodb:ReturnValues":["NONE"]}}} | | PutItem | alice | ok
      ReturnValues refused | {"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*","Condition":{"StringEqualsIfExists":{"dynamodb:ReturnValues":["NONE"]}}} | | PutItem+ALL_OLD | alice | dynamodb:PutItem table/Music none
      ReturnConsumedCapacity denied | {"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"dynamodb:ReturnConsumedCapacity":"TOTAL"}}} | | GetItem+capacity | alice | dynamodb:GetItem table/Music identity
      EnclosingOperation allows transaction items | {"Effect":"Allow","Action":["dynamodb:PutItem","dynamodb:ConditionCheckItem"],"Resource":"*","Condition":{"StringEquals":{"dynamodb:EnclosingOperation":"TransactWriteItems"}}} | | TransactWriteItems | alice | ok
      EnclosingOperation refuses the plain call | {"Effect":"Allow","Action":["dynamodb:PutItem","dynamodb:ConditionCheckItem"],"Resource":"*","Condition":{"StringEquals":{"dynamodb:EnclosingOperation":"TransactWriteItems"}}} | | PutItem | alice | dynamodb:PutItem table/Music none
      transaction checks each item's action | {"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*"} | | TransactWriteItems | alice | dynamodb:ConditionCheckItem table/Music none
      TransactGetItems checks GetItem | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"} | | TransactGetItems | alice | ok
      PartiQL SELECT | {"Effect":"Allow","Action":"dynamodb:PartiQLSelect","Resource":"*"} | | PartiQL SELECT | alice | ok
      PartiQL SELECT needs PartiQLSelect | {"Effect":"Allow","Action":"dynamodb:Query","Resource":"*"} | | PartiQL SELECT | alice | dynamodb:PartiQLSelect table/Music none
      PartiQL SELECT on an index | {"Effect":"Allow","Action":"dynamodb:PartiQLSelect","Resource":"arn:aws:dynamodb:*:*:table/Music"} | | PartiQL SELECT index | alice | dynamodb:PartiQLSelect table/Music/index/ByTitle none
      PartiQL INSERT | {"Effect":"Allow","Action":"dynamodb:PartiQLInsert","Resource":"*"} | | PartiQL INSERT | alice | ok
      PartiQL UPDATE denied | {"Effect":"Allow","Action":"dynamodb:PartiQL*","Resource":"*"},{"Effect":"Deny","Action":"dynamodb:PartiQLUpdate","Resource":"*"} | | PartiQL UPDATE | alice | dynamodb:PartiQLUpdate table/Music identity
      PartiQL DELETE | {"Effect":"Allow","Action":"dynamodb:PartiQLDelete","Resource":"*"} | | PartiQL DELETE | alice | ok
      BatchExecuteStatement per statement | {"Effect":"Allow","Action":"dynamodb:PartiQLSelect","Resource":"*"} | | BatchExecuteStatement | alice | ok
      BatchExecuteStatement denies a statement in its place | {"Effect":"Allow","Action":"dynamodb:PartiQLSelect","Resource":"arn:aws:dynamodb:*:*:table/Music"} | | BatchExecuteStatement(one denied) | alice | ok
      ExecuteTransaction per statement | {"Effect":"Allow","Action":"dynamodb:PartiQLSelect","Resource":"*"} | | ExecuteTransaction | alice | dynamodb:PartiQLUpdate table/Music none
      stream call on the stream ARN | {"Effect":"Allow","Action":"dynamodb:DescribeStream","Resource":"arn:aws:dynamodb:*:*:table/Music/stream/*"} | | DescribeStream | alice | ok
      stream call refused | {"Effect":"Allow","Action":"dynamodb:DescribeStream","Resource":"arn:aws:dynamodb:*:*:table/Music"} | | DescribeStream | alice | dynamodb:DescribeStream STREAM none
      GetRecords checks the iterator's stream | {"Effect":"Allow","Action":["dynamodb:DescribeStream","dynamodb:GetShardIterator"],"Resource":"*"} | | GetRecords | alice | dynamodb:GetRecords STREAM none
      ListTables on every table | {"Effect":"Allow","Action":"dynamodb:ListTables","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/*"} | | ListTables | alice | ok
      aws:username | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":"bob"}}} | | DescribeTable | alice | dynamodb:DescribeTable table/Music none
      aws:PrincipalTag | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}} | | DescribeTable | alice | ok
      aws:SourceIp IpAddress | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["127.0.0.0/8","::1/128"]}}} | | DescribeTable | alice | ok
      aws:SourceIp NotIpAddress | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["127.0.0.0/8","::1/128"]}}} | | DescribeTable | alice | dynamodb:DescribeTable table/Music none
      aws:CurrentTime DateLessThan | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2000-01-01T00:00:00Z"}}} | | DescribeTable | alice | dynamodb:DescribeTable table/Music none
      aws:CurrentTime DateGreaterThan | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2000-01-01T00:00:00Z"}}} | | DescribeTable | alice | ok
      Bool and Null | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"},"Null":{"dynamodb:Select":"true"}}} | | DescribeTable | alice | ok
      NumericLessThan | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"aws:EpochTime":"1000"}}} | | DescribeTable | alice | dynamodb:DescribeTable table/Music none
      ArnLike | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/a*"}}} | | DescribeTable | alice | ok
      resource policy alone allows | | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:user/alice"},"Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Music"} | GetItem | alice | ok
      resource policy for another user | | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:user/bob"},"Action":"dynamodb:GetItem","Resource":"*"} | GetItem | alice | dynamodb:GetItem table/Music none
      resource policy deny wins | {"Effect":"Allow","Action":"*","Resource":"*"} | {"Effect":"Deny","Principal":"*","Action":"dynamodb:GetItem","Resource":"*"} | GetItem | alice | dynamodb:GetItem table/Music resource
      resource policy condition under an unconditional identity policy | {"Effect":"Allow","Action":"*","Resource":"*"} | {"Effect":"Deny","Principal":"*","Action":"dynamodb:GetItem","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"dynamodb:LeadingKeys":["alice"]}}} | GetItem | alice | dynamodb:GetItem table/Music resource
      resource policy condition not met under an unconditional identity policy | {"Effect":"Allow","Action":"*","Resource":"*"} | {"Effect":"Deny","Principal":"*","Action":"dynamodb:GetItem","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"dynamodb:LeadingKeys":["alice"]}}} | GetItem | bob | ok
      resource policy NotPrincipal denies the rest | {"Effect":"Allow","Action":"*","Resource":"*"} | {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::000000000000:user/bob"},"Action":"dynamodb:GetItem","Resource":"*"} | GetItem | alice | dynamodb:GetItem table/Music resource
      resource policy NotPrincipal spares those named | {"Effect":"Allow","Action":"*","Resource":"*"} | {"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::000000000000:user/root","arn:aws:iam::000000000000:user/alice"]},"Action":"dynamodb:GetItem","Resource":"*"} | GetItem | alice | ok
      stream resource policy allows alone | | STREAM {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:user/alice"},"Action":"dynamodb:DescribeStream","Resource":"*"} | DescribeStream | alice | ok
      stream resource policy denies | {"Effect":"Allow","Action":"*","Resource":"*"} | STREAM {"Effect":"Deny","Principal":"*","Action":"dynamodb:GetRecords","Resource":"*"} | GetRecords | alice | dynamodb:GetRecords STREAM resource
      table resource policy does not speak for its stream | | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:user/alice"},"Action":"dynamodb:DescribeStream","Resource":"*"} | DescribeStream | alice | dynamodb:DescribeStream STREAM none
      resource policy covers GetResourcePolicy | | {"Effect":"Allow","Principal":{"AWS":"000000000000"},"Action":"dynamodb:GetResourcePolicy","Resource":"*"} | GetResourcePolicy | alice | ok
      """)
  void call_policyMatrixRow_isServedOrDeniedAsDynamoDb(String name, String policy, String resourcePolicy,
      String call, String artist, String expected) {
    if (policy != null) {
      server.principals().putUserPolicy("alice", "row", "{\"Version\":\"2012-10-17\",\"Statement\":[" + policy
          + "]}");
    }
    if (resourcePolicy != null) {
      boolean onStream = resourcePolicy.startsWith("STREAM ");
      admin.putResourcePolicy(p -> p.resourceArn(onStream ? streamArn : TABLE_ARN).policy(
          "{\"Version\":\"2012-10-17\",\"Statement\":[" + resourcePolicy.substring(onStream ? 7 : 0) + "]}"));
    }
    Runnable run = () -> calls.get(call).accept(artist);
    assertThat(calls).containsKey(call);

    if (expected.equals("ok")) {
      run.run();
      return;
    }
    String[] denial = expected.split(" ");
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, run::run);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(e.statusCode()).isEqualTo(400);
    String resource = denial[1].equals("STREAM") ? streamArn
        : "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":" + denial[1];
    String why = switch (denial[2]) {
      case "none" -> " because no identity-based policy allows the " + denial[0] + " action";
      case "identity" -> " with an explicit deny in an identity-based policy";
      case "resource" -> " with an explicit deny in a resource-based policy";
      default -> throw new IllegalArgumentException(denial[2]);
    };
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + ALICE_ARN + " is not authorized to"
        + " perform: " + denial[0] + " on resource: " + resource + why);
  }
}
