package io.shaledb.server.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (absent when run from classes). */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"ShaleDB " + (version == null ? "(development build)" : version)};
  }
}
