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

/** UntagResource: removes tags from a table; absent keys are ignored, as DynamoDB ignores them. */
public final class UntagResource implements Operation<UntagResourceInput, Void> {
  private final Database db;

  public UntagResource(Database db) {
    this.db = db;
  }

  @Override
  public void validate(UntagResourceInput in) {
    ConstraintViolations v = new ConstraintViolations();
    ResourceArns.checkDeclared(v, in.resourceArn());
    v.notNull("tagKeys", in.tagKeys());
    Tags.checkDeclaredKeys(v, "tagKeys", in.tagKeys());
    v.throwIfAny();
  }

  @Override
  public Void execute(UntagResourceInput in, RequestContext context) {
    ResourceArns.checkFormat(db, Validated.present(in.resourceArn()));
    if (Validated.present(in.tagKeys()).isEmpty()) {
      throw DynamoException.validation("Atleast one Tag Key needs to be provided as Input.");
    }
    return db.catalog().change(change -> {
      TableMetadata table = ResourceArns.existingTable(db, change, Validated.present(in.resourceArn()));
      Map<String, String> tags = new LinkedHashMap<>(table.tags());
      Validated.present(in.tagKeys()).forEach(tags::remove);
      change.putTable(table.withTags(tags));
      return null;
    });
  }
}
