package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resource-based policies against the memory engine: revision ids, expected revisions, and what the catalog keeps. */
class ResourcePoliciesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private final MemoryEngine engine = new MemoryEngine();
  private final Database db = new Database(engine, new MutableClock(NOW), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final String arn = db.tableArn("items");

  ResourcePoliciesTest() {
    new TestTables(db).create("items", false, false, false);
  }

  private String put(String document, String expectedRevision) {
    return Requests.run(new PutResourcePolicy(db), new PutResourcePolicyInput(arn, document, expectedRevision, null))
        .revisionId();
  }

  @Test
  void putResourcePolicy_twoDocumentsInOneMillisecond_getRisingRevisions() {
    String first = put("{\"a\":1}", null);
    String second = put("{\"a\":2}", first);

    assertThat(first).isEqualTo(Long.toString(NOW.toEpochMilli()));
    assertThat(second).isEqualTo(Long.toString(NOW.toEpochMilli() + 1));
  }

  @Test
  void putResourcePolicy_sameDocument_keepsItsRevision() {
    String first = put("{\"a\":1}", null);

    assertThat(put("{\"a\":1}", first)).isEqualTo(first);
  }

  @Test
  void putResourcePolicy_isKeptInTheCatalog_asAnotherProcessReadsIt() {
    String revision = put("{\"a\":1}", null);

    assertThat(new TableCatalog(engine).find("items").orElseThrow().options().resourcePolicy())
        .contains(new ResourcePolicy("{\"a\":1}", revision));
  }

  @Test
  void putResourcePolicy_noPolicyExpectedWhereOneIs_isPolicyNotFound_andKeepsTheOldOne() {
    String revision = put("{\"a\":1}", null);

    assertThatThrownBy(() -> put("{\"a\":2}", ResourcePolicies.NO_POLICY))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.POLICY_NOT_FOUND));
    assertThat(Requests.run(new GetResourcePolicy(db), new ResourcePolicyInput(arn, null)).revisionId())
        .isEqualTo(revision);
  }

  @Test
  void deleteResourcePolicy_removesIt_fromTheCatalog() {
    String revision = put("{\"a\":1}", null);

    ResourcePolicyOutput deleted = Requests.run(new DeleteResourcePolicy(db), new ResourcePolicyInput(arn, revision));

    assertThat(deleted.revisionId()).isEqualTo(revision);
    assertThat(db.catalog().find("items").orElseThrow().options().resourcePolicy()).isEmpty();
  }

  @Test
  void putResourcePolicy_onAStreamArn_isKeptWithTheStream_apartFromTheTablesPolicy() {
    new TestTables(db).create("streamed", false, false, true);
    String streamArn = db.catalog().streams().getFirst().arn();

    String revision = Requests.run(new PutResourcePolicy(db),
        new PutResourcePolicyInput(streamArn, "{\"s\":1}", null, null)).revisionId();

    assertThat(new TableCatalog(engine).stream(streamArn).orElseThrow().resourcePolicy())
        .isEqualTo(new ResourcePolicy("{\"s\":1}", revision));
    assertThat(db.catalog().find("streamed").orElseThrow().options().resourcePolicy()).isEmpty();
    assertThat(Requests.run(new GetResourcePolicy(db), new ResourcePolicyInput(streamArn, null)).policy())
        .isEqualTo("{\"s\":1}");
    assertThat(Requests.run(new DeleteResourcePolicy(db), new ResourcePolicyInput(streamArn, null)).revisionId())
        .isEqualTo(revision);
    assertThat(db.catalog().stream(streamArn).orElseThrow().resourcePolicy()).isNull();
  }

  @Test
  void putResourcePolicy_onAStreamThatDoesNotExist_isResourceNotFound() {
    String missing = arn + "/stream/2026-06-01T00:00:00.000";

    assertThatThrownBy(() -> Requests.run(new PutResourcePolicy(db),
        new PutResourcePolicyInput(missing, "{\"s\":1}", null, null)))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.getMessage())
            .isEqualTo("Requested resource not found: ResourcArn: " + missing + " not found"));
  }
}
