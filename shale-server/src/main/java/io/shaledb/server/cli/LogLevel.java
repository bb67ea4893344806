package io.shaledb.server.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * The server's log level ({@code --log-level}). SLF4J's simple binding reads its default level once, when the first
 * logger is made, and loggers are made before the command line is parsed (the warm-up thread and the commands' own
 * loggers), so {@link #applyFrom} reads the option from the raw arguments first; picocli still parses and checks it
 * with the others.
 */
enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR,
  OFF;

  static final String OPTION = "--log-level";
  /** The simple binding's system property for the default level, which outranks its properties file. */
  static final String PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  /** Sets the default level from {@code --log-level LEVEL} or {@code --log-level=LEVEL}, if given and valid. */
  static void applyFrom(String[] args) {
    find(args).ifPresent(level -> System.setProperty(PROPERTY, level.name().toLowerCase(Locale.ROOT)));
  }

  static Optional<LogLevel> find(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals(OPTION) && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith(OPTION + "=")) {
        value = args[i].substring(OPTION.length() + 1);
      }
      if (value != null) {
        for (LogLevel level : values()) {
          if (level.name().equalsIgnoreCase(value)) {
            return Optional.of(level);
          }
        }
      }
    }
    return Optional.empty();
  }
}
