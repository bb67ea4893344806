package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpLimitsTest {

  @Test
  void defaultMaxConnections_keepsAQuarterOfTheDescriptorsAndAtLeast256() {
    assertThat(HttpLimits.defaultMaxConnections(1_048_576)).isEqualTo(786_432);
    assertThat(HttpLimits.defaultMaxConnections(4096)).isEqualTo(3072);
    assertThat(HttpLimits.defaultMaxConnections(1024)).isEqualTo(768);
    assertThat(HttpLimits.defaultMaxConnections(512)).isEqualTo(256);
  }

  @Test
  void defaultMaxConnections_withFewDescriptors_usesHalf() {
    assertThat(HttpLimits.defaultMaxConnections(256)).isEqualTo(128);
    assertThat(HttpLimits.defaultMaxConnections(1)).isEqualTo(1);
  }

  @Test
  void defaultMaxConnections_withoutADescriptorLimit_isFixed() {
    assertThat(HttpLimits.defaultMaxConnections(-1)).isEqualTo(HttpLimits.CONNECTIONS_WITHOUT_DESCRIPTOR_LIMIT);
  }

  @Test
  void defaultBodyMemory_isAQuarterOfTheHeap_andNeverBelow64MiB() {
    assertThat(HttpLimits.defaultBodyMemory(4L << 30)).isEqualTo(1L << 30);
    assertThat(HttpLimits.defaultBodyMemory(128L << 20)).isEqualTo(64L << 20);
  }

  @Test
  void defaults_fitTheLargestRequestInTheShareLargeBodiesMayUse() {
    HttpLimits limits = HttpLimits.defaults();

    assertThat(limits.bodyMemoryBytes() * 3 / 4).isGreaterThanOrEqualTo(3L * HttpApiServer.MAX_REQUEST_BYTES);
    assertThat(limits.maxConnections()).isPositive();
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void constructor_zeroTimeout_isRejected() {
    assertThatThrownBy(() -> new HttpLimits(Duration.ZERO, Duration.ofSeconds(1), 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
