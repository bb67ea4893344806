package io.shaledb.server.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class data archive the launcher asks for when it has none: written when a server that answered a request stops
 * in order, so that it holds the classes serving needs. The JVM's own way, an archive written at every exit, also
 * wrote one when the server could not start (a port in use): valid, and so kept, it held none of the request path's
 * classes, and every later start read them from the jar again (1.0-1.2 s to the first answer instead of 0.9-1.0 s).
 */
final class ClassDataArchive {
  /** The system property naming the archive to write, set by the launcher with -XX:+RecordDynamicDumpInfo. */
  static final String PROPERTY = "shaledb.classDataArchive";

  private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);

  private ClassDataArchive() {}

  /** The archive to write at an orderly stop, if the launcher asked for one. */
  static Optional<Path> requested() {
    return Optional.ofNullable(System.getProperty(PROPERTY)).map(Path::of);
  }

  /**
   * Dumps the classes loaded so far. It goes to a file of this process's and then takes the archive's name at once,
   * so a second server stopping from the same installation never leaves a mix of two. A failure only costs later
   * starts their speed, so it is logged, not raised.
   */
  static void write(Path archive) {
    LOG.info("Writing the class data archive {} for faster starts", archive);
    Path written = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
    String output;
    try {
      // The JVM's diagnostic command behind `jcmd <pid> VM.cds dynamic_dump`, which needs -XX:+RecordDynamicDumpInfo;
      // it answers with text, also when it fails.
      output = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
          new Object[] {new String[] {"dynamic_dump", written.toString()}}, new String[] {String[].class.getName()}));
      if (Files.isRegularFile(written)) {
        Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
    } catch (JMException | IOException | RuntimeException e) {
      output = e.toString();
    }
    LOG.warn("Could not write the class data archive: {}", output.strip());
  }
}
