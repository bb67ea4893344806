package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;

/** ListTagsOfResource. Input: the table ARN. A table has at most 50 tags, so one page always holds them all. */
public final class ListTagsOfResource implements Operation<String, ListTagsOfResourceOutput> {
  private final Database db;

  public ListTagsOfResource(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String resourceArn) {
    ConstraintViolations v = new ConstraintViolations();
    ResourceArns.checkDeclared(v, resourceArn);
    v.throwIfAny();
  }

  @Override
  public ListTagsOfResourceOutput execute(String resourceArn, RequestContext context) {
    return new ListTagsOfResourceOutput(ResourceArns.existingTable(db, resourceArn).tags());
  }
}
