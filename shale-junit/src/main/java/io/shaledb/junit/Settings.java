package io.shaledb.junit;

import io.shaledb.junit.ShaleDbTest.Lifecycle;
import io.shaledb.junit.ShaleDbTest.ServerRuntime;
import io.shaledb.junit.ShaleDbTest.Storage;
import java.util.Locale;
import java.util.Optional;

/**
 * What a server is started with: a test class's {@link ShaleDbTest}, with the system properties that override it.
 * Servers of the whole run are shared by the classes whose settings are equal.
 */
record Settings(Lifecycle lifecycle, int port, Storage storage, ServerRuntime runtime, String javaHome) {
  static final String RUNTIME_PROPERTY = "shaledb.runtime";
  static final String JAVA_HOME_PROPERTY = "shaledb.java.home";

  /** The settings of a test class without {@code @ShaleDbTest} (the extension registered by hand). */
  static final Settings DEFAULTS = new Settings(Lifecycle.PER_RUN, 0, Storage.MEMORY, ServerRuntime.CHILD_PROCESS,
      "");

  static Settings of(Optional<ShaleDbTest> annotation) {
    Settings declared = annotation.map(test -> new Settings(test.lifecycle(), test.port(), test.storage(),
        test.runtime(), test.javaHome())).orElse(DEFAULTS);
    String runtime = System.getProperty(RUNTIME_PROPERTY, "");
    String javaHome = System.getProperty(JAVA_HOME_PROPERTY, "");
    return new Settings(declared.lifecycle(), declared.port(), declared.storage(),
        runtime.isBlank() ? declared.runtime() : ServerRuntime.valueOf(runtime.strip().toUpperCase(Locale.ROOT)),
        javaHome.isBlank() ? declared.javaHome() : javaHome);
  }
}
