package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.cli.Main;
import io.shaledb.server.json.ClusterJson;
import io.shaledb.server.json.JsonTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code shaledb cluster status --endpoint} against a running server, through the admin API's DescribeCluster: the
 * tables and the JSON it prints for what the engine describes (an engine reporting a fixed cluster,
 * {@link StatusReportingEngineProvider}), authorized as {@code shaledb:DescribeCluster}; and the answer of a server
 * whose engine is not clustered.
 */
class ClusterStatusIT {
  private static final Pattern KEY = Pattern.compile("AccessKeyId: (\\S+)\nSecretAccessKey: (\\S+)\n");
  private static final String LIST_TABLES_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"dynamodb:ListTables\",\"Resource\":\"*\"}]}";

  @TempDir
  Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run shaledb(ShaleDbServer server, List<String> credentials, String... arguments) {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of("--endpoint", server.endpoint().toString()));
    all.addAll(credentials);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(all.toArray(String[]::new));
    return new Run(exitCode, out.toString(), err.toString());
  }

  private static List<String> key(Run created) {
    Matcher matcher = KEY.matcher(created.out());
    assertThat(matcher.find()).as(created.out() + created.err()).isTrue();
    return List.of("--access-key-id", matcher.group(1), "--secret-access-key", matcher.group(2));
  }

  @Test
  void clusterStatus_ofAClusteredEngine_printsNodesAndPartitions_toAnAllowedUser() throws Exception {
    ServerConfig config = ServerConfig.inMemoryOnRandomPort().withEngine("memory-reporting-a-cluster")
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(directory.resolve("auth.key")));
    try (ShaleDbServer server = ShaleDbServer.start(config)) {
      List<String> admin = key(shaledb(server, List.of(), "users", "create", "admin", "--with-key"));

      Run text = shaledb(server, admin, "cluster", "status");
      assertThat(text.err()).isEmpty();
      assertThat(text.out()).isEqualTo("""
          NODE  ADDRESS         STATE
          n0    127.0.0.1:3344  ACTIVE
          n1    127.0.0.1:3345  ACTIVE
          n3    127.0.0.1:3347  JOINING
          -     127.0.0.1:3346  UNCONNECTED
          -     127.0.0.1:3348  ABSENT

          zone SHALE: 2 partitions, 3 replicas each

          PARTITION  STATE     PRIMARY  REPLICAS
          0          DEGRADED  n0       n0 HEALTHY, n1 HEALTHY
          1          DEGRADED  -        n0 HEALTHY, n1 CATCHING_UP
          """);

      Run json = shaledb(server, admin, "cluster", "status", "--json");
      assertThat(json.exitCode()).as(json.err()).isZero();
      assertThat(ClusterJson.readClusterStatus((Map<?, ?>) JsonTree.read(json.out())))
          .isEqualTo(StatusReportingEngineProvider.STATUS);

      assertThat(shaledb(server, admin, "users", "create", "bob", "--no-policy").exitCode()).isZero();
      List<String> bob = key(shaledb(server, admin, "users", "keys", "create", "bob"));
      assertThat(shaledb(server, admin, "users", "put-policy", "bob", "list-tables", "--policy-document",
          LIST_TABLES_ONLY).exitCode()).isZero();
      Run denied = shaledb(server, bob, "cluster", "status");
      assertThat(denied.exitCode()).isEqualTo(1);
      assertThat(denied.err()).isEqualTo("User: arn:aws:iam::000000000000:user/bob is not authorized to perform:"
          + " shaledb:DescribeCluster on resource: * because no identity-based policy allows the"
          + " shaledb:DescribeCluster action\n");
    }
  }

  @Test
  void clusterStatus_ofASingleNodeServer_saysItHasNoCluster() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.durableOnRandomPort(directory.resolve("data"))
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(directory.resolve("auth.key"))))) {
      Run run = shaledb(server, List.of(), "cluster", "status");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("This server's storage engine does not run on a cluster\n");
    }
  }
}
