package io.shaledb.core.op.table;

import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource: adds or overwrites tags on a table. */
public final class TagResource implements Operation<TagResourceInput, Void> {
  private final Database db;

  public TagResource(Database db) {
    this.db = db;
  }

  @Override
  public void validate(TagResourceInput in) {
    ConstraintViolations v = new ConstraintViolations();
    ResourceArns.checkDeclared(v, in.resourceArn());
    v.notNull("tags", in.tags());
    v.throwIfAny();
  }

  @Override
  public Void execute(TagResourceInput in, RequestContext context) {
    Map<String, String> added = Tags.validate(in.tags());
    return db.catalog().change(change -> {
      TableMetadata table = ResourceArns.existingTable(db, change, in.resourceArn());
      Map<String, String> tags = new LinkedHashMap<>(table.tags());
      tags.putAll(added);
      Tags.validate(tags.entrySet().stream().map(e -> new CreateTableInput.Tag(e.getKey(), e.getValue())).toList());
      change.putTable(table.withTags(tags));
      return null;
    });
  }
}
