package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
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
    Tags.checkDeclared(v, "tags", in.tags());
    v.throwIfAny();
  }

  /** The ARN's form first, then the tags, as DynamoDB orders them (dynalite's tagResource tests). */
  @Override
  public Void execute(TagResourceInput in, RequestContext context) {
    ResourceArns.checkFormat(db, Validated.present(in.resourceArn()));
    if (Validated.present(in.tags()).isEmpty()) {
      throw DynamoException.validation("Atleast one Tag needs to be provided as Input.");
    }
    Map<String, String> added = Tags.validate(in.tags());
    return db.catalog().change(change -> {
      TableMetadata table = ResourceArns.existingTable(db, change, Validated.present(in.resourceArn()));
      Map<String, String> tags = new LinkedHashMap<>(table.tags());
      tags.putAll(added);
      Tags.checkCount(tags.keySet());
      change.putTable(table.withTags(tags));
      return null;
    });
  }
}
