package io.shaledb.core.op.read;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.RequestExpressions;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.ItemConsensus;
import java.util.List;

/**
 * Scan: every item of a table in hashed partition key order, one page at a time; with Segment and TotalSegments,
 * one of several disjoint hash ranges that together cover the table.
 */
public final class Scan implements Operation<ScanInput, ReadPage> {
  private final Database db;
  private final ItemConsensus consensus;

  /** @param consensus how a strongly consistent read of a table of multi-region strong consistency reads its items */
  public Scan(Database db, ItemConsensus consensus) {
    this.db = db;
    this.consensus = consensus;
  }

  @Override
  public void validate(ScanInput in) {
    ReadParameters.checkDeclared(in.read(), ReadParameters.Kind.SCAN)
        .range("segment", in.segment(), 0, 999_999)
        .range("totalSegments", in.totalSegments(), 1, 1_000_000)
        .throwIfAny();
  }

  @Override
  public ReadPage execute(ScanInput in, RequestContext context) {
    ReadRequest r = in.read();
    if (in.segment() != null && in.totalSegments() == null) {
      throw DynamoException.validation("The TotalSegments parameter is required but was not present in the request"
          + " when Segment parameter is present");
    }
    if (in.totalSegments() != null && in.segment() == null) {
      throw DynamoException.validation("The Segment parameter is required but was not present in the request when"
          + " parameter TotalSegments is present");
    }
    if (in.segment() != null && in.segment() >= Validated.present(in.totalSegments())) {
      throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter"
          + " TotalSegments: Segment: " + in.segment() + " is not less than TotalSegments: " + in.totalSegments());
    }
    RequestExpressions.checkParameters(
        List.of(Parameter.of("ProjectionExpression", r.projectionExpression()),
            Parameter.of("FilterExpression", r.filterExpression())),
        List.of(Parameter.of("AttributesToGet", r.attributesToGet()), Parameter.of("ScanFilter", r.legacyFilter()),
            Parameter.of("ConditionalOperator", r.conditionalOperator())),
        r.expressionAttributeNames(), r.expressionAttributeValues());
    Binder binder = RequestExpressions.binder(r.expressionAttributeNames(), r.expressionAttributeValues());
    ReadParameters.Resolved resolved = ReadParameters.resolve(db, r, binder, "ScanFilter", "Scanning");
    int keyspace = resolved.target().keyspace();
    KeyRange range = in.segment() == null ? KeyCodec.keyspaceRange(keyspace)
        : KeyCodec.segmentRange(keyspace, in.segment().intValue(), Validated.present(in.totalSegments()).intValue());
    return PageReader.read(db.storage(), consensus, resolved.target(), PageReader.after(range, resolved.exclusiveStart(), false),
        false, r.limit() == null ? null : r.limit().intValue(), resolved.filter(), resolved.projection(),
        resolved.countOnly(), resolved.consistent(), context, r.returnConsumedCapacity());
  }
}
