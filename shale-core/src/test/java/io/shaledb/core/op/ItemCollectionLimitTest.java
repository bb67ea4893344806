package io.shaledb.core.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.item.DeleteItem;
import io.shaledb.core.op.item.DeleteItemInput;
import io.shaledb.core.op.item.ItemOutput;
import io.shaledb.core.op.item.PutItem;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The item collection limit, enforced per partition of a table with a local index (set small for the test). */
class ItemCollectionLimitTest {
  private static final long LIMIT = 2_000;

  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1", LIMIT);
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final WritePipeline store = new WritePipeline(db);
  private final PutItem put = new PutItem(db, store);
  private final DeleteItem delete = new DeleteItem(db, store);

  ItemCollectionLimitTest() {
    new CreateTable(db).execute(new CreateTableInput("collections",
        List.of(new AttributeDefinition("pk", Choice.of(ScalarType.S)), new AttributeDefinition("sk", Choice.of(ScalarType.N)),
            new AttributeDefinition("lsk", Choice.of(ScalarType.S))),
        List.of(new KeySchemaElement("pk", Choice.of(KeyType.HASH)), new KeySchemaElement("sk", Choice.of(KeyType.RANGE))),
        Choice.of(BillingMode.PAY_PER_REQUEST), null, null, null,
        List.of(new SecondaryIndex("by-lsk", List.of(new KeySchemaElement("pk", Choice.of(KeyType.HASH)),
            new KeySchemaElement("lsk", Choice.of(KeyType.RANGE))), Choice.of(ProjectionType.ALL), null, true, null)),
        null, null, List.of()), Requests.request());
  }

  private ItemOutput put(String pk, int sk) {
    Map<String, AttributeValue> item = Map.of("pk", new AttributeValue.S(pk),
        "sk", AttributeValue.N.of(String.valueOf(sk)), "lsk", new AttributeValue.S("x".repeat(200)));
    return put.execute(new PutItemInput("collections", item, null, null, Choice.of(ReturnItemCollectionMetrics.SIZE), null, null, null, null, null,
        null), Requests.request());
  }

  @Test
  void writesPastTheLimit_areRejected_perPartition_andDeletesMakeRoom() {
    for (int sk = 0; sk < 4; sk++) {
      ItemOutput out = put("p", sk);
      assertThat(out.itemCollectionMetrics().itemCollectionKey()).containsKey("pk");
      assertThat(out.itemCollectionMetrics().lowerGb()).isZero();
    }

    assertThatThrownBy(() -> put("p", 4))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED));
    assertThatCode(() -> put("other", 0)).doesNotThrowAnyException();
    delete.execute(new DeleteItemInput("collections", Map.of("pk", new AttributeValue.S("p"),
        "sk", AttributeValue.N.of("0")), null, null, null, null, null, null, null, null, null), Requests.request());
    assertThatCode(() -> put("p", 4)).doesNotThrowAnyException();
  }
}
