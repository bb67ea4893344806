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
}
