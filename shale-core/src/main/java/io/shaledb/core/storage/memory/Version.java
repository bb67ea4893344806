package io.shaledb.core.storage.memory;

import org.jspecify.annotations.Nullable;

/**
 * One committed value of a key; versions form a chain from newest to oldest. {@code value} is null for a deletion.
 * The chain is cut once no open reader can see past a version, so {@code older} is the only mutable field.
 */
final class Version {
  final long sequence;
  final byte @Nullable [] value;
  volatile @Nullable Version older;

  Version(long sequence, byte @Nullable [] value, @Nullable Version older) {
    this.sequence = sequence;
    this.value = value;
    this.older = older;
  }

  /** The newest version visible at {@code readSequence}, starting from this one, or null. */
  @Nullable Version visibleAt(long readSequence) {
    Version v = this;
    while (v != null && v.sequence > readSequence) {
      v = v.older;
    }
    return v;
  }
}
