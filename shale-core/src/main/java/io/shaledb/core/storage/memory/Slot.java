package io.shaledb.core.storage.memory;

import java.util.Arrays;

/**
 * A key's place in the memory engine: the one object both of its indexes map the key to, holding the key's chain
 * of versions. Equality is the key's bytes, so a slot built around a key alone serves as a lookup probe; the head is
 * replaced only under the engine's commit lock.
 */
final class Slot {
  final byte[] key;
  private final int hash;
  volatile Version head;

  Slot(byte[] key, Version head) {
    this.key = key;
    this.hash = Arrays.hashCode(key);
    this.head = head;
  }

  @SuppressWarnings("NullAway") // a probe only looks up the slot of its key; its versions are never read
  static Slot probe(byte[] key) {
    return new Slot(key, null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Slot slot && hash == slot.hash && Arrays.equals(key, slot.key);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
