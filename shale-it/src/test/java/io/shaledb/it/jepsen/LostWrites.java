package io.shaledb.it.jepsen;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Finds acknowledged writes of a register that neither survived nor were overwritten: written values are unique, so an
 * acknowledged write whose value is not the final one must have been replaced by another write that could have come
 * after it, one that had not completed before it was invoked. Weaker than {@link LinearizableRegister} but named
 * after the one anomaly a durable store must never show, and cheap on any history.
 */
public final class LostWrites {
  private LostWrites() {}

  /** The acknowledged writes in {@code history} lost from a register that held {@code finalValue} at the end. */
  public static List<Timed<RegisterOp>> find(List<Timed<RegisterOp>> history, @Nullable Integer finalValue) {
    List<Timed<RegisterOp>> writes = history.stream().filter(op -> written(op) != null
        && (op.outcome() == Outcome.OK || op.outcome() == Outcome.UNKNOWN)).toList();
    return IntStream.range(0, writes.size())
        .filter(id -> writes.get(id).outcome() == Outcome.OK && !Objects.equals(written(writes.get(id)), finalValue))
        .filter(id -> IntStream.range(0, writes.size())
            .noneMatch(other -> other != id && !writes.get(other).precedes(writes.get(id))))
        .mapToObj(writes::get).toList();
  }

  private static @Nullable Integer written(Timed<RegisterOp> op) {
    return switch (op.operation()) {
      case RegisterOp.Read read -> null;
      case RegisterOp.Write write -> write.value();
      case RegisterOp.Cas cas -> cas.value();
    };
  }
}
