package io.shaledb.core.storage;

import java.nio.file.Path;

/**
 * Opens engines of one kind; found with {@link java.util.ServiceLoader}, so nothing above the SPI names an engine
 * class.
 */
public interface StorageEngineProvider {

  /** The name users choose the engine by, such as {@code memory} or {@code rocksdb}. */
  String name();

  /**
   * Opens (creating if needed) an engine.
   *
   * @param dataDirectory where a durable engine keeps its files; ignored by engines that keep nothing on disk
   */
  StorageEngine open(Path dataDirectory);
}
