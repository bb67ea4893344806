package io.shaledb.core.replication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicationStampTest {

  @Test
  void isAfter_laterMillis_winsWhateverTheRegion() {
    assertThat(new ReplicationStamp(11, "a-region").isAfter(new ReplicationStamp(10, "z-region"))).isTrue();
    assertThat(new ReplicationStamp(10, "z-region").isAfter(new ReplicationStamp(11, "a-region"))).isFalse();
  }

  @Test
  void isAfter_sameMillis_greaterRegionNameWins() {
    assertThat(new ReplicationStamp(10, "us-east-1").isAfter(new ReplicationStamp(10, "eu-west-1"))).isTrue();
    assertThat(new ReplicationStamp(10, "eu-west-1").isAfter(new ReplicationStamp(10, "us-east-1"))).isFalse();
    assertThat(new ReplicationStamp(10, "eu-west-1").isAfter(new ReplicationStamp(10, "eu-west-1"))).isFalse();
  }

  @Test
  void local_previousStampAheadOfTheClock_ordersAfterIt() {
    ReplicationStamp previous = new ReplicationStamp(1_000, "eu-west-1");

    ReplicationStamp next = ReplicationStamp.local(900, "us-east-1", previous);

    assertThat(next).isEqualTo(new ReplicationStamp(1_001, "us-east-1"));
    assertThat(next.isAfter(previous)).isTrue();
  }

  @Test
  void local_noPreviousStamp_isTheClock() {
    assertThat(ReplicationStamp.local(900, "us-east-1", null)).isEqualTo(new ReplicationStamp(900, "us-east-1"));
  }
}
