package io.shaledb.server.replication;

import io.shaledb.server.auth.SecretSealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The peers file ({@code --peers-file}): one peer a line, {@code REGION ENDPOINT ACCESS_KEY_ID SEALED_SECRET}
 * separated by spaces; blank lines and lines starting with {@code #} are ignored. The secret is sealed as the
 * principal store seals secrets at rest ({@link SecretSealer}, under the auth key file), so the file alone reveals
 * none; {@link #seal} makes the sealed form ({@code shaledb peers seal}).
 */
public final class PeersFile {
  private PeersFile() {}

  /**
   * @throws IllegalArgumentException naming the line, when a line is not a peer, names a region twice, or its secret
   *     does not open with {@code sealer}'s key
   */
  public static List<PeerEndpoint> read(Path file, SecretSealer sealer) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the peers file " + file, e);
    }
    List<PeerEndpoint> peers = new ArrayList<>();
    Set<String> regions = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      String where = file + " line " + (i + 1);
      if (fields.length != 4) {
        throw new IllegalArgumentException(where + ": a peer is REGION ENDPOINT ACCESS_KEY_ID SEALED_SECRET");
      }
      URI endpoint = URI.create(fields[1]);
      if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
        throw new IllegalArgumentException(where + ": the endpoint must be an http:// or https:// address");
      }
      if (!regions.add(fields[0])) {
        throw new IllegalArgumentException(where + ": region " + fields[0] + " is listed twice");
      }
      String secret;
      try {
        secret = sealer.open(fields[2], Base64.getDecoder().decode(fields[3]));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new IllegalArgumentException(where + ": the secret does not open with the auth key file "
            + sealer.file() + " (seal it with shaledb peers seal)", e);
      }
      peers.add(new PeerEndpoint(fields[0], endpoint, fields[2], secret));
    }
    return peers;
  }

  /** The sealed form of {@code secret} for a line of the peers file. */
  public static String seal(SecretSealer sealer, String accessKeyId, String secret) {
    return Base64.getEncoder().encodeToString(sealer.seal(accessKeyId, secret));
  }
}
