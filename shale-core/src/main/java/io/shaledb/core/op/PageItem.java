package io.shaledb.core.op;

import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.eval.Projector;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An item a read returns (GetItem, or one of a Query or Scan page): decoded when the read had to look inside it (a
 * filter, a projection, an index entry completed from the table), otherwise still in its stored form, which a
 * response writer can pass on without building the model (see {@link ItemCodec#visit}).
 */
public sealed interface PageItem {
  record Decoded(Map<String, AttributeValue> attributes) implements PageItem {}

  /** An item in {@link ItemCodec}'s encoding, as storage returned it; the array must not be modified. */
  record Stored(byte[] bytes) implements PageItem {}

  /** A stored item as a point read returns it: as stored, or decoded and projected to {@code projection}. */
  public static PageItem of(byte[] stored, @Nullable List<Path> projection) {
    return projection == null ? new Stored(stored)
        : new Decoded(Projector.project(ItemCodec.decode(stored), projection));
  }
}
