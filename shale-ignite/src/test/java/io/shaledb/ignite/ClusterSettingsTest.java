package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cluster-wide settings a node initializes a cluster with, and the bounds Ignite would refuse them outside. */
class ClusterSettingsTest {
  @Test
  void configuration_carriesTheReplicationTimeoutAndTheClockSkew() {
    String configuration = new ClusterSettings(4000, 50).configuration();

    assertThat(configuration).contains("rpcTimeoutMillis: 4000").contains("maxClockSkewMillis: 50");
  }

  @Test
  void new_replicationTimeoutBelowIgnitesMinimum_isRefused() {
    assertThatThrownBy(() -> new ClusterSettings(999, 100)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ignite's replication timeout is at least 1000 ms, got 999");
  }

  @Test
  void new_clockSkewBelowOneMillisecond_isRefused() {
    assertThatThrownBy(() -> new ClusterSettings(3000, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the maximum clock skew is at least 1 ms, got 0");
  }
}
