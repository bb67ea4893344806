package io.shaledb.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.replication.ApplyReplicatedChangesInput;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplicationJsonTest {
  private static final ReplicatedChange DELETION = new ReplicatedChange(Map.of("id", new AttributeValue.S("a")),
      null, new ReplicationStamp(1_000, "us-east-1"), true);

  @Test
  void applyReplicatedChanges_withALowWatermark_readsBackAsWritten() throws IOException {
    ApplyReplicatedChangesInput read = roundTrip(OptionalLong.of(123_456_789L));

    assertThat(read).isEqualTo(new ApplyReplicatedChangesInput("orders", "us-east-1", List.of(DELETION), false,
        123_456_789L));
  }

  @Test
  void applyReplicatedChanges_withoutALowWatermark_readsBackWithNone() throws IOException {
    assertThat(roundTrip(OptionalLong.empty()).lowWatermark()).isNull();
  }

  private static ApplyReplicatedChangesInput roundTrip(OptionalLong lowWatermark) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      ReplicationJson.writeApplyReplicatedChanges(g, "orders", "us-east-1", List.of(DELETION), false, lowWatermark);
    }
    try (JsonInput in = JsonInput.over(new ByteArrayInputStream(out.toByteArray()))) {
      return ReplicationJson.readApplyReplicatedChanges(in);
    }
  }
}
