package io.shaledb.core.storage;

import java.nio.file.Path;
import java.util.ServiceLoader;

/** Finds engine providers by name through {@link ServiceLoader}. */
public final class StorageEngines {
  private StorageEngines() {}

  public static StorageEngine open(String name, Path dataDirectory) {
    for (StorageEngineProvider provider : ServiceLoader.load(StorageEngineProvider.class)) {
      if (provider.name().equals(name)) {
        return provider.open(dataDirectory);
      }
    }
    throw new IllegalArgumentException("no storage engine named '" + name + "' is on the class path");
  }
}
