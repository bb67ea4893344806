package io.shaledb.core.storage;

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
   * @throws IllegalArgumentException when {@link EngineOptions#tuning} names a setting the engine does not know or
   *     gives one a bad value; nothing was created then
   */
  StorageEngine open(EngineOptions options);
}
