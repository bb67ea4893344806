package io.shaledb.core.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AES-GCM's sealing, with ciphers lent to one thread at a time. */
class AesGcmTest {
  private static final byte[] HEADER = {1};
  private final SecretKey key = new SecretKeySpec(AesGcm.newKey(), "AES");

  @Test
  void seal_sameValueTwice_drawsANewNonceEachTime() throws GeneralSecurityException {
    byte[] plain = "a distinctive value".getBytes(StandardCharsets.UTF_8);

    byte[] first = AesGcm.seal(key, HEADER, plain);
    byte[] second = AesGcm.seal(key, HEADER, plain);

    assertThat(first).isNotEqualTo(second);
    assertThat(AesGcm.open(key, HEADER, first)).isEqualTo(plain);
    assertThat(AesGcm.open(key, HEADER, second)).isEqualTo(plain);
  }

  @Test
  void open_otherKey_isRefused() {
    byte[] sealed = AesGcm.seal(key, HEADER, new byte[] {4, 2});

    assertThatThrownBy(() -> AesGcm.open(new SecretKeySpec(AesGcm.newKey(), "AES"), HEADER, sealed))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void sealAndOpen_onManyVirtualThreadsAtOnce_everyValueOpensToItself() throws Exception {
    List<Future<List<byte[]>>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int thread = 0; thread < 64; thread++) {
        int id = thread;
        results.add(threads.submit(() -> {
          List<byte[]> sealed = new ArrayList<>();
          for (int i = 0; i < 200; i++) {
            byte[] plain = ("value " + id + "/" + i).getBytes(StandardCharsets.UTF_8);
            byte[] value = AesGcm.seal(key, HEADER, plain);
            assertThat(AesGcm.open(key, HEADER, value)).isEqualTo(plain);
            sealed.add(value);
          }
          return sealed;
        }));
      }
    }
    Set<String> nonces = new HashSet<>();
    for (Future<List<byte[]>> result : results) {
      for (byte[] sealed : result.get()) {
        nonces.add(new String(sealed, HEADER.length, AesGcm.NONCE_BYTES, StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(nonces).hasSize(64 * 200);
  }
}
