package io.shaledb.core.storage.memory;

/**
 * One committed value of a key; versions form a chain from newest to oldest. {@code value} is null for a deletion.
 * The chain is cut once no open reader can see past a version, so {@code older} is the only mutable field.
 */
final class Version {
  final long sequence;
  final byte[] value;
  volatile Version older;

  Version(long sequence, byte[] value, Version older) {
    this.sequence = sequence;
    this.value = value;
    this.older = older;
  }

  /** The newest version visible at {@code readSequence}, starting from this one, or null. */
  Version visibleAt(long readSequence) {
    Version v = this;
    while (v != null && v.sequence > readSequence) {
      v = v.older;
    }
    return v;
  }
}
