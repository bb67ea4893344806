package io.shaledb.core.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds engine providers by name through {@link ServiceLoader}. */
public final class StorageEngines {
  private StorageEngines() {}

  /**
   * Opens the engine called {@code name}.
   *
   * @throws IllegalArgumentException when no engine of that name is on the class path, or the options do not suit
   *     it
   */
  public static StorageEngine open(String name, EngineOptions options) {
    List<String> names = new ArrayList<>();
    for (StorageEngineProvider provider : ServiceLoader.load(StorageEngineProvider.class)) {
      if (provider.name().equals(name)) {
        return provider.open(options);
      }
      names.add(provider.name());
    }
    throw new IllegalArgumentException("no storage engine named '" + name + "' (known: " + String.join(", ",
        names.stream().sorted().toList()) + ")");
  }
}
