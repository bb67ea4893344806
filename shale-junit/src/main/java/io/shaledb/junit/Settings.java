package io.shaledb.junit;

import io.shaledb.junit.ShaleDbTest.Lifecycle;
import io.shaledb.junit.ShaleDbTest.ServerRuntime;
import io.shaledb.junit.ShaleDbTest.Storage;
import java.util.Locale;
import java.util.Optional;

/**
 * What a server is started with: a test class's {@link ShaleDbTest}, with the system properties that override it.
 * Servers of the whole run are shared by the classes whose settings are equal.
 *
 * @param engine the storage engine to run every server on, in a temporary data directory, whatever the storage
 *     declared (the system property {@value #ENGINE_PROPERTY}; a whole suite run against another engine, such as a
 *     cluster's); empty for the declared storage's engine
 */
record Settings(Lifecycle lifecycle, int port, Storage storage, ServerRuntime runtime, String javaHome, String engine) {
  static final String RUNTIME_PROPERTY = "shaledb.runtime";
  static final String JAVA_HOME_PROPERTY = "shaledb.java.home";
  static final String ENGINE_PROPERTY = "shaledb.engine";

  /** The settings of a test class without {@code @ShaleDbTest} (the extension registered by hand). */
  static final Settings DEFAULTS = new Settings(Lifecycle.PER_RUN, 0, Storage.MEMORY, ServerRuntime.CHILD_PROCESS,
      "", "");

  /** Whether the server keeps its data in a temporary directory: durable storage, or an engine named for the run. */
  boolean temporaryDirectory() {
    return storage == Storage.TEMP_DIRECTORY || !engine.isEmpty();
  }

  static Settings of(Optional<ShaleDbTest> annotation) {
    Settings declared = annotation.map(test -> new Settings(test.lifecycle(), test.port(), test.storage(),
        test.runtime(), test.javaHome(), "")).orElse(DEFAULTS);
    String runtime = System.getProperty(RUNTIME_PROPERTY, "");
    String javaHome = System.getProperty(JAVA_HOME_PROPERTY, "");
    return new Settings(declared.lifecycle(), declared.port(), declared.storage(),
        runtime.isBlank() ? declared.runtime() : ServerRuntime.valueOf(runtime.strip().toUpperCase(Locale.ROOT)),
        javaHome.isBlank() ? declared.javaHome() : javaHome, System.getProperty(ENGINE_PROPERTY, "").strip());
  }
}
