package io.shaledb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.Durability;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class ServeCommandTest {
  private static ServeCommand parse(String... args) {
    ParseResult parsed = Main.commandLine().parseArgs(args);
    return (ServeCommand) parsed.subcommand().commandSpec().userObject();
  }

  @Test
  void serve_withoutOptions_isDurableWithFsync() {
    ServeCommand serve = parse("serve");

    assertThat(serve.engine).isNull();
    assertThat(serve.durability).isEqualTo(Durability.FSYNC);
    assertThat(serve.engineOptions).isEmpty();
  }

  @Test
  void serve_durabilityAndEngineOptions_areParsed() {
    ServeCommand serve = parse("serve", "--engine", "rocksdb", "--durability", "os",
        "--engine-option", "block-cache=256m", "--engine-option", "background-jobs=4");

    assertThat(serve.engine).isEqualTo("rocksdb");
    assertThat(serve.durability).isEqualTo(Durability.OS);
    assertThat(serve.engineOptions).isEqualTo(Map.of("block-cache", "256m", "background-jobs", "4"));
  }

  @Test
  void serve_console_isOnUnlessTurnedOff() {
    assertThat(parse("serve").console).isEqualTo(ServeCommand.Switch.ON);
    assertThat(parse("serve", "--console", "off").console).isEqualTo(ServeCommand.Switch.OFF);
  }

  @Test
  void serve_inMemoryWithAnotherEngine_isAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine().setErr(new PrintWriter(err));

    int exit = commandLine.execute("serve", "--in-memory", "--engine", "rocksdb", "--port", "0");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("--in-memory and --engine rocksdb contradict each other");
  }

  @Test
  void serve_clusterOptions_becomeTheIgniteEngineOptions() {
    ServeCommand serve = parse("serve", "--engine", "ignite", "--cluster-node-name", "n1", "--cluster-port", "3345",
        "--cluster-seed", "127.0.0.1:3344,127.0.0.1:3345", "--cluster-init", "n1,n2,n3", "--cluster-replicas", "3",
        "--cluster-partitions", "16");

    assertThat(serve.cluster.engineOptions()).containsExactly(Map.entry("node-name", "n1"), Map.entry("port", "3345"),
        Map.entry("seeds", "127.0.0.1:3344,127.0.0.1:3345"), Map.entry("init", "n1,n2,n3"),
        Map.entry("replicas", "3"), Map.entry("partitions", "16"));
  }

  @Test
  void serve_clusterOptionsWithAnotherEngine_isAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine().setErr(new PrintWriter(err));

    int exit = commandLine.execute("serve", "--engine", "rocksdb", "--cluster-seed", "127.0.0.1:3344", "--port", "0");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("the --cluster options need --engine ignite");
  }

  @Test
  void serve_igniteEngineOutsideTheClusterJar_isAUsageErrorNamingTheClusterJar() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine().setErr(new PrintWriter(err));

    int exit = commandLine.execute("serve", "--cluster-seed", "127.0.0.1:3344", "--port", "0");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("the ignite engine is not in this server's jar: a cluster node runs from the"
        + " cluster jar, shale-cluster-" + Version.NUMBER + "-all.jar (docs/cluster.md)");
  }

  @Test
  void serve_tombstoneOptions_defaultToTenMinutesAndAMinuteAndAreParsed() {
    assertThat(parse("serve").tombstoneHorizonSeconds).isEqualTo(600);
    assertThat(parse("serve").tombstoneRestSeconds).isEqualTo(60);

    ServeCommand serve = parse("serve", "--tombstone-horizon-seconds", "5", "--tombstone-rest-seconds", "0");

    assertThat(serve.tombstoneHorizonSeconds).isEqualTo(5);
    assertThat(serve.tombstoneRestSeconds).isZero();
  }

  @Test
  void serve_tombstoneHorizonBelowOneSecond_isAUsageErrorBeforeAnythingStarts() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine().setErr(new PrintWriter(err));

    int exit = commandLine.execute("serve", "--in-memory", "--port", "0", "--tombstone-horizon-seconds", "0");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("--tombstone-horizon-seconds must be at least 1, not 0");
  }

  @ParameterizedTest(name = "--ttl-sweep-seconds {0}")
  @ValueSource(strings = {"0", "-5", "86401"})
  void serve_ttlSweepOutOfRange_isAUsageErrorBeforeAnythingStarts(String seconds) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine().setErr(new PrintWriter(err));

    int exit = commandLine.execute("serve", "--in-memory", "--port", "0", "--ttl-sweep-seconds", seconds);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("--ttl-sweep-seconds must be from 1 to 86400, not " + seconds);
  }

  @Test
  void serve_ttlSweep_defaultsToASecondAndIsParsed() {
    assertThat(parse("serve").maintenanceSeconds).isEqualTo(1);
    assertThat(parse("serve", "--ttl-sweep-seconds", "86400").maintenanceSeconds).isEqualTo(86_400);
  }

  @Test
  void serve_negativeTombstoneRest_isAUsageErrorBeforeAnythingStarts() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine().setErr(new PrintWriter(err));

    int exit = commandLine.execute("serve", "--in-memory", "--port", "0", "--tombstone-rest-seconds", "-1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("--tombstone-rest-seconds must not be negative, not -1");
  }
}
