package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

@ShaleDbTest
class EnhancedQueryIT {
  private final DynamoDbEnhancedClient enhanced;

  EnhancedQueryIT(DynamoDbClient client) {
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
  }

  @DynamoDbBean
  public static class Event {
    private String stream;
    private Integer seq;
    private String kind;

    @DynamoDbSecondaryPartitionKey(indexNames = "by-kind")
    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    @DynamoDbPartitionKey
    public String getStream() {
      return stream;
    }

    public void setStream(String stream) {
      this.stream = stream;
    }

    @DynamoDbSortKey
    public Integer getSeq() {
      return seq;
    }

    public void setSeq(Integer seq) {
      this.seq = seq;
    }
  }

  @Test
  void queryAndScan_throughTheEnhancedClient() {
    DynamoDbTable<Event> events = enhanced.table(Tables.unique("events"), TableSchema.fromBean(Event.class));
    events.createTable(CreateTableEnhancedRequest.builder().globalSecondaryIndices(
        EnhancedGlobalSecondaryIndex.builder().indexName("by-kind")
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()).build());
    for (int i = 0; i < 30; i++) {
      Event e = new Event();
      e.setStream(i % 2 == 0 ? "even" : "odd");
      e.setSeq(i);
      e.setKind(i % 3 == 0 ? "third" : "other");
      events.putItem(e);
    }

    List<Integer> between = events.query(r -> r.queryConditional(QueryConditional.sortBetween(
            Key.builder().partitionValue("even").sortValue(4).build(),
            Key.builder().partitionValue("even").sortValue(10).build())).limit(2))
        .items().stream().map(Event::getSeq).toList();
    long scanned = events.scan(ScanEnhancedRequest.builder().limit(7).build()).items().stream().count();

    long thirds = events.index("by-kind").query(r -> r.queryConditional(QueryConditional.keyEqualTo(
        Key.builder().partitionValue("third").build()))).stream().mapToLong(page -> page.items().size()).sum();

    assertThat(between).containsExactly(4, 6, 8, 10);
    assertThat(scanned).isEqualTo(30);
    assertThat(thirds).isEqualTo(10);
  }
}
