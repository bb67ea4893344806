package io.shaledb.core.op.stream;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.stream.StreamRequests.ListStreamsInput;
import io.shaledb.core.op.stream.StreamRequests.ListStreamsOutput;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.ArrayList;
import java.util.List;

/** ListStreams: streams by ARN, optionally of one table, at most 100 a page. */
public final class ListStreams implements Operation<ListStreamsInput, ListStreamsOutput> {
  private final Database db;

  public ListStreams(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ListStreamsInput in) {
    new ConstraintViolations().range("limit", in.limit(), 1, 100)
        .length("tableName", in.tableName(), TableNames.MIN_LENGTH, TableNames.MAX_LENGTH)
        .length("exclusiveStartStreamArn", in.exclusiveStartStreamArn(), 37, 1024)
        .throwIfAny();
  }

  @Override
  public ListStreamsOutput execute(ListStreamsInput in, RequestContext context) {
    if (in.exclusiveStartStreamArn() != null) {
      StreamReader.checkFormat(in.exclusiveStartStreamArn());
    }
    int limit = in.limit() == null ? 100 : in.limit().intValue();
    List<StreamDescriptor> page = new ArrayList<>();
    String last = null;
    for (StreamDescriptor stream : db.catalog().streams()) {
      if ((in.tableName() != null && !stream.tableName().equals(in.tableName()))
          || (in.exclusiveStartStreamArn() != null && stream.arn().compareTo(in.exclusiveStartStreamArn()) <= 0)) {
        continue;
      }
      if (page.size() == limit) {
        last = page.get(page.size() - 1).arn();
        break;
      }
      page.add(stream);
    }
    return new ListStreamsOutput(page, last);
  }
}
