package io.shaledb.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version the build wrote into {@code version.properties} (a filtered resource, so it is there whether the server
 * runs from its jar or from the build's classes).
 */
final class Version implements IVersionProvider {
  static final String NUMBER = read();

  @Override
  public String[] getVersion() {
    return new String[] {"ShaleDB " + NUMBER};
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the server's classes");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
