package io.shaledb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.server.time.SettableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier keeps the parts of the last Authorization header it read and takes them for a header that differs
 * only in its signature: these requests show that a header that only starts like the last one is read whole.
 */
class SigV4VerifierTest {
  @TempDir
  Path keyFiles;

  private final StorageEngine engine = StorageEngines.open("memory", EngineOptions.defaults(null));
  private final SettableClock clock = SettableClock.startingNow();
  private SigningKeys keys;
  private SigV4Verifier verifier;
  private NewAccessKey key;

  @BeforeEach
  void open() {
    PrincipalStore store = new PrincipalStore(engine, SecretSealer.lazily(keyFiles.resolve("auth.key")), clock,
        "123456789012");
    store.createUser("alice");
    key = store.createAccessKey("alice");
    keys = new SigningKeys(store);
    verifier = new SigV4Verifier("us-east-1", clock, keys);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void verify_requestsDifferingInTheirSignatures_eachVerifiedOnItsOwn() {
    HeaderMapRequest first = signed("k1");
    HeaderMapRequest second = signed("k2");

    assertThat(verifier.verify(first).userName()).isEqualTo("alice");
    assertThat(verifier.verify(second).userName()).isEqualTo("alice");
    assertThatThrownBy(() -> verifier.verify(second.withBody(first.body())))
        .isInstanceOf(DynamoException.class)
        .hasMessageStartingWith("The request signature we calculated does not match the signature you provided.");
    assertThat(verifier.verify(first).userName()).isEqualTo("alice");
  }

  @Test
  void verify_headerLikeTheLastUpToItsSignatureThenAnotherParameter_isReadWhole() {
    HeaderMapRequest valid = signed("k1");
    verifier.verify(valid);
    String authorization = valid.header("Authorization");
    int signature = authorization.lastIndexOf("Signature=") + "Signature=".length();
    String credential = "x".repeat(authorization.length() - signature - "0,Credential=".length());

    HeaderMapRequest other = valid.withHeader("authorization", authorization.substring(0, signature) + "0,Credential=" + credential);

    assertThat(other.header("Authorization")).hasSameSizeAs(authorization);
    assertThatThrownBy(() -> verifier.verify(other))
        .isInstanceOf(DynamoException.class)
        .hasMessage("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
            + " got '" + credential + "'");
  }

  @Test
  void verify_headerLikeTheLastWithAnotherSignature_answeredAsTheHeaderReadWhole() {
    HeaderMapRequest valid = signed("k1");
    String authorization = valid.header("Authorization");
    String signature = authorization.substring(authorization.lastIndexOf("Signature=") + "Signature=".length());
    HeaderMapRequest forged = valid.withHeader("authorization",
        authorization.substring(0, authorization.length() - signature.length()) + "F".repeat(signature.length()));
    String unseen = messageOf(() -> new SigV4Verifier("us-east-1", clock, keys).verify(forged));

    verifier.verify(valid);

    assertThat(messageOf(() -> verifier.verify(forged))).isEqualTo(unseen)
        .startsWith("The request signature we calculated does not match the signature you provided.");
    assertThat(verifier.verify(valid).userName()).isEqualTo("alice");
  }

  private static String messageOf(Runnable call) {
    try {
      call.run();
    } catch (DynamoException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error");
  }

  private HeaderMapRequest signed(String itemKey) {
    byte[] body = ("{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"" + itemKey + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
    return SigV4Signer.signedRequest("POST", URI.create("http://127.0.0.1:8000/"),
        Map.of("content-type", "application/x-amz-json-1.0", "x-amz-target", "DynamoDB_20120810.GetItem"), body,
        new SigV4Signer.Credentials(key.key().id(), key.secret(), null), "us-east-1", "dynamodb", clock.instant());
  }
}
