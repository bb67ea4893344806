package io.shaledb.server.auth;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Session tokens, as STS issues them with GetSessionToken: the token carries the session itself (its user, its
 * expiration and its secret), sealed with the key file's key and bound to the session's access key id, so the server
 * keeps no record of sessions and a token only opens with the access key id it was issued with. Whoever holds the
 * key file can read a token, as they can read every secret (docs/security.md).
 */
final class SessionTokens {
  private static final Base64.Encoder ENCODER = Base64.getEncoder();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private SessionTokens() {}

  /** What a token says. */
  record Session(String userName, Instant expiration, String secret) {}

  static String seal(SecretSealer sealer, String accessKeyId, Session session) {
    String payload = session.userName() + "\n" + session.expiration().getEpochSecond() + "\n" + session.secret();
    return ENCODER.encodeToString(sealer.seal(accessKeyId, payload));
  }

  /** The session {@code token} holds, or empty when it was not issued for {@code accessKeyId} with this key file. */
  static Optional<Session> open(SecretSealer sealer, String accessKeyId, String token) {
    try {
      byte[] sealed = DECODER.decode(token);
      if (sealed.length < SecretSealer.SEALED_OVERHEAD) {
        return Optional.empty();
      }
      String[] parts = sealer.open(accessKeyId, sealed).split("\n", 3);
      return Optional.of(new Session(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2]));
    } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException notOurs) {
      return Optional.empty();
    }
  }
}
