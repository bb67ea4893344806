package io.shaledb.server.replication;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a POST to a peer's API root with SigV4 (AWS's "Signature Version 4 signing process"), as an SDK signs a
 * DynamoDB call: the headers content-type, host, x-amz-date and x-amz-target, the body's SHA-256, the service
 * {@code dynamodb} and the peer's region, which its verifier requires in the credential scope.
 */
final class RequestSigner {
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final String SIGNED_HEADERS = "content-type;host;x-amz-date;x-amz-target";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final PeerEndpoint peer;

  RequestSigner(PeerEndpoint peer) {
    this.peer = peer;
  }

  /** The request's x-amz-date and Authorization header values. */
  record Signature(String amzDate, String authorization) {}

  Signature sign(URI endpoint, String target, byte[] body, Instant now) {
    String amzDate = STAMP.format(now);
    String date = amzDate.substring(0, 8);
    String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    String canonical = "POST\n/\n\ncontent-type:" + CONTENT_TYPE + "\nhost:" + host + "\nx-amz-date:" + amzDate
        + "\nx-amz-target:" + target + "\n\n" + SIGNED_HEADERS + "\n" + HEX.formatHex(sha256(body));
    String scope = date + "/" + peer.region() + "/dynamodb/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(hmac(hmac(hmac(("AWS4" + peer.secret()).getBytes(StandardCharsets.UTF_8), date),
        peer.region()), "dynamodb"), "aws4_request");
    return new Signature(amzDate, "AWS4-HMAC-SHA256 Credential=" + peer.accessKeyId() + "/" + scope
        + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + HEX.formatHex(hmac(key, toSign)));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
