package io.shaledb.core.storage;

/** How far a commit's writes have travelled when {@link Transaction#commit()} returns. */
public enum Durability {
  /**
   * On stable storage: the engine's log record was synced to the device (fsync or fdatasync), so the commit
   * survives an operating system crash or a power cut. Engines share one sync among the commits that wait for it
   * at the same time (group commit).
   */
  FSYNC,
  /**
   * Handed to the operating system: the commit survives the process being killed, but not an operating system
   * crash or a power cut, which lose what the system had not yet written to the device.
   */
  OS
}
