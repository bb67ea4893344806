package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HostCheckTest {
  private final HostCheck loopbackOnly = new HostCheck(Set.of());

  @Test
  void allows_loopbackNamesWithOrWithoutPort_areAllowed() {
    assertThat(loopbackOnly.allows("localhost:8000")).isTrue();
    assertThat(loopbackOnly.allows("127.0.0.1")).isTrue();
    assertThat(loopbackOnly.allows("127.255.0.9:1")).isTrue();
    assertThat(loopbackOnly.allows("[::1]:8000")).isTrue();
    assertThat(loopbackOnly.allows(null)).as("no Host header: no browser sent it").isTrue();
  }

  @Test
  void allows_otherNames_areRefused_unlessAllowed() {
    assertThat(loopbackOnly.allows("evil.example")).isFalse();
    assertThat(loopbackOnly.allows("127.0.0.1.evil.example")).isFalse();
    assertThat(loopbackOnly.allows("localhost.evil.example:8000")).isFalse();
    assertThat(loopbackOnly.allows("128.0.0.1")).isFalse();
    assertThat(new HostCheck(Set.of("DB.internal")).allows("db.INTERNAL:8000")).isTrue();
    assertThat(new HostCheck(Set.of("*")).allows("anything")).isTrue();
  }

  @Test
  void isLoopback_fourOctetsOf127_only() {
    assertThat(HostCheck.isLoopback("127.0.0.1")).isTrue();
    assertThat(HostCheck.isLoopback("127.255.255.255")).isTrue();
    assertThat(HostCheck.isLoopback("127.000.0.01")).as("leading zeros, as before").isTrue();
    assertThat(HostCheck.isLoopback("localhost")).isTrue();
    assertThat(HostCheck.isLoopback("::1")).isTrue();
    assertThat(HostCheck.isLoopback("127.0.0")).isFalse();
    assertThat(HostCheck.isLoopback("127.0.0.1.")).isFalse();
    assertThat(HostCheck.isLoopback("127.0.0.")).isFalse();
    assertThat(HostCheck.isLoopback("127..0.1")).isFalse();
    assertThat(HostCheck.isLoopback("127.0.0.256")).isFalse();
    assertThat(HostCheck.isLoopback("127.0.0.1000")).isFalse();
    assertThat(HostCheck.isLoopback("127.0.0.-1")).isFalse();
    assertThat(HostCheck.isLoopback("127.0.0.1a")).isFalse();
    assertThat(HostCheck.isLoopback("127")).isFalse();
    assertThat(HostCheck.isLoopback("10.0.0.1")).isFalse();
    assertThat(HostCheck.isLoopback("1127.0.0.1")).isFalse();
  }
}
