package io.shaledb.server.replication;

import java.net.URI;

/**
 * A peer region as this region reaches it.
 *
 * @param endpoint where the peer's API answers ({@code https} for TLS)
 * @param accessKeyId one of the peer's access keys, whose user may make the replication calls there
 * @param secret that key's secret
 */
public record PeerEndpoint(String region, URI endpoint, String accessKeyId, String secret) {

  /** Leaves the secret out, so that logging a peer never reveals it. */
  @Override
  public String toString() {
    return "PeerEndpoint[region=" + region + ", endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + "]";
  }
}
