package io.shaledb.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownOperationsTest {
  private final List<String> warnings = new ArrayList<>();
  private final UnknownOperations unknown = new UnknownOperations(warnings::add);

  @Test
  void requested_sameTargetTwice_warnsOnce_andAnswersDynamoDbsError() {
    DynamoException first = unknown.requested("DynamoDB_20120810.CreateGlobalTable");
    unknown.requested("DynamoDB_20120810.CreateGlobalTable");
    unknown.requested("DynamoDB_20120810.ListExports");

    assertThat(first.code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
    assertThat(first.getMessage()).isEqualTo("Unknown operation exception");
    assertThat(warnings).containsExactly(
        "a client called DynamoDB_20120810.CreateGlobalTable, which ShaleDB does not implement (yet): it was"
            + " answered UnknownOperationException: Unknown operation exception",
        "a client called DynamoDB_20120810.ListExports, which ShaleDB does not implement (yet): it was answered"
            + " UnknownOperationException: Unknown operation exception");
  }

  @Test
  void requested_aTargetNamingNoOperation_isAnsweredWithoutAMessage() {
    DynamoException error = unknown.requested("DynamoDB_20120810.NoSuchOperation");
    DynamoException none = unknown.requested(null);

    assertThat(error.code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
    assertThat(error.getMessage()).isNull();
    assertThat(none.getMessage()).isNull();
    assertThat(warnings).containsExactly("a client called DynamoDB_20120810.NoSuchOperation, which is no operation"
        + " of DynamoDB's API: it was answered UnknownOperationException", "a client called (no X-Amz-Target),"
        + " which is no operation of DynamoDB's API: it was answered UnknownOperationException");
  }

  @Test
  void requested_manyDistinctTargets_warnsAboutABoundedNumber() {
    for (int i = 0; i < UnknownOperations.MAX_WARNED * 2; i++) {
      assertThat(unknown.requested("Fuzz." + i).getMessage()).isNull();
    }

    assertThat(warnings).hasSize(UnknownOperations.MAX_WARNED);
  }
}
