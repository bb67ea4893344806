package io.shaledb.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.ScalarType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The index key violations every write is checked for. "Size limit exceeded for Index Key" is the service's message
 * as applications quote it; the aggregate message of multi-attribute keys is DynamoDB Local 3.3.1's.
 */
class IndexKeyViolationsTest {
  private static final IndexMetadata INDEX = new IndexMetadata("multi", 9, false, new KeySchema(
      List.of(new KeyAttribute("h1", ScalarType.S), new KeyAttribute("h2", ScalarType.B)),
      List.of(new KeyAttribute("r1", ScalarType.S), new KeyAttribute("r2", ScalarType.N))),
      ProjectionType.ALL, List.of(), IndexStatus.ACTIVE, ProvisionedThroughput.ON_DEMAND, Instant.EPOCH);

  private static String violation(Object... nameThenValue) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", new AttributeValue.S("k"));
    for (int i = 0; i < nameThenValue.length; i += 2) {
      item.put((String) nameThenValue[i], (AttributeValue) nameThenValue[i + 1]);
    }
    DynamoException problem = IndexKeyViolations.find(INDEX, item);
    return problem == null ? null : problem.getMessage();
  }

  private static AttributeValue s(int length) {
    return new AttributeValue.S("x".repeat(length));
  }

  private static AttributeValue b(int length) {
    return new AttributeValue.B(Bytes.wrap(new byte[length]));
  }

  @Test
  void find_absentOrValidValues_findsNothing() {
    assertThat(violation()).isNull();
    assertThat(violation("h1", s(1024), "h2", b(1024), "r1", s(1022), "r2", AttributeValue.N.of("7"))).isNull();
  }

  @Test
  void find_wrongTypeOrEmpty_namesTheAttributeAndIndex() {
    assertThat(violation("r2", new AttributeValue.S("7"))).isEqualTo("One or more parameter values were invalid:"
        + " Type mismatch for Index Key r2 Expected: N Actual: S IndexName: multi");
    assertThat(violation("h2", b(0))).isEqualTo("One or more parameter values are not valid. A value specified for a"
        + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty"
        + " binary value. IndexName: multi, IndexKey: h2");
  }

  @Test
  void find_valueOverItsLimit_givesItsSizeAndTheLimit() {
    assertThat(violation("h1", s(2049))).isEqualTo("One or more parameter values were invalid: Size limit exceeded"
        + " for Index Key h1 Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: multi");
    assertThat(violation("r1", new AttributeValue.S("é".repeat(513)))).isEqualTo("One or more parameter values"
        + " were invalid: Size limit exceeded for Index Key r1 Actual Size: 1026 bytes Max Size: 1024 bytes"
        + " IndexName: multi");
    assertThat(violation("h1", s(2048))).isNull();
  }

  @Test
  void find_valuesTogetherOverTheLimit_namesThePresentAttributesAndTheirSum() {
    assertThat(violation("h1", s(1024), "h2", b(1025))).isEqualTo("Aggregate size for HASH key attributes h1, h2 of"
        + " index multi has exceeded limit 2048 bytes, with actual size 2049 bytes");
    // A number's size is one byte per two significant digits, plus one.
    assertThat(violation("r1", s(1023), "r2", AttributeValue.N.of("1"))).isEqualTo("Aggregate size for RANGE key"
        + " attributes r1, r2 of index multi has exceeded limit 1024 bytes, with actual size 1025 bytes");
  }

  @Test
  void find_severalViolations_reportsEachAttributeInKeyOrderBeforeTheSums() {
    assertThat(violation("h1", s(1500), "h2", b(1500), "r2", new AttributeValue.S("7")))
        .startsWith("One or more parameter values were invalid: Type mismatch for Index Key r2");
    assertThat(violation("h2", new AttributeValue.S("x"), "h1", s(2049)))
        .startsWith("One or more parameter values were invalid: Size limit exceeded for Index Key h1");
  }
}
