package io.shaledb.server.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The access log: one line per request, appended to a file or written to standard output. Lines are flushed as they
 * are written, so that a tail sees each request at once and a killed server loses none; that costs a write call per
 * request, which is why the log is off unless asked for.
 */
public final class AccessLog implements AutoCloseable {
  /** The target that means standard output. */
  public static final String STANDARD_OUTPUT = "-";

  private final Writer out;
  private final boolean closes;

  private AccessLog(Writer out, boolean closes) {
    this.out = out;
    this.closes = closes;
  }

  /**
   * The log at {@code target}: {@value #STANDARD_OUTPUT} or a file, created if missing and appended to.
   *
   * @throws UncheckedIOException when the file cannot be opened
   */
  public static AccessLog open(String target) {
    if (target.equals(STANDARD_OUTPUT)) {
      return new AccessLog(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    }
    try {
      return new AccessLog(new BufferedWriter(Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the access log " + target + ": " + e.getMessage(), e);
    }
  }

  synchronized void write(String line) {
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      // A full disk or a closed pipe must not fail the request it logs.
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (closes) {
        out.close();
      } else {
        out.flush();
      }
    } catch (IOException e) {
      // Nothing more can be written anyway.
    }
  }
}
