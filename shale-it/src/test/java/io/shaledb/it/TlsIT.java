package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.http.TlsContexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** HTTPS through the AWS SDK: a self-signed development certificate, PEM files, and client certificates. */
class TlsIT {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  Path files;

  private static DynamoDbClient client(ShaleDbServer server, X509Certificate trusted,
      TlsContexts.SelfSigned clientCertificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", trusted);
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    TrustManager[] trustManagerArray = trustManagers.getTrustManagers();
    KeyManager[] keyManagerArray = null;
    if (clientCertificate != null) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", clientCertificate.keys().getPrivate(), PASSWORD,
          new Certificate[] {clientCertificate.certificate()});
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, PASSWORD);
      keyManagerArray = keyManagers.getKeyManagers();
    }
    KeyManager[] chosenKeys = keyManagerArray;
    UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
        .tlsTrustManagersProvider(() -> trustManagerArray);
    if (chosenKeys != null) {
      http.tlsKeyManagersProvider(() -> chosenKeys);
    }
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("tls", "secret")))
        .httpClient(http.build())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  private Path pem(String name, String type, byte[] der) throws Exception {
    Path file = files.resolve(name);
    Files.writeString(file, "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n", StandardCharsets.US_ASCII);
    return file;
  }

  @Test
  void sdk_selfSignedCertificateTrusted_isServedOverHttps() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withSecurity(
        ServerSecurity.defaults().withTls(new ServerSecurity.TlsOptions(null, null, null, true))));
        DynamoDbClient dynamo = client(server, server.selfSignedCertificate().orElseThrow(), null)) {
      assertThat(server.endpoint().getScheme()).isEqualTo("https");
      assertThat(dynamo.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void sdk_certificateNotTrusted_failsTheHandshake() throws Exception {
    TlsContexts.SelfSigned other = TlsContexts.selfSigned("");
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withSecurity(
        ServerSecurity.defaults().withTls(new ServerSecurity.TlsOptions(null, null, null, true))));
        DynamoDbClient dynamo = client(server, other.certificate(), null)) {
      assertThatThrownBy(dynamo::listTables).isInstanceOf(SdkClientException.class);
    }
  }

  @Test
  void sdk_pemFilesWithClientCertificates_servesOnlyClientsWithACertificateTheCaSigned() throws Exception {
    TlsContexts.SelfSigned serverCertificate = TlsContexts.selfSigned("");
    TlsContexts.SelfSigned clientCertificate = TlsContexts.selfSigned("");
    ServerSecurity.TlsOptions tls = new ServerSecurity.TlsOptions(
        pem("server.pem", "CERTIFICATE", serverCertificate.certificate().getEncoded()),
        pem("server.key", "PRIVATE KEY", serverCertificate.keys().getPrivate().getEncoded()),
        pem("clients.pem", "CERTIFICATE", clientCertificate.certificate().getEncoded()), false);
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withSecurity(
        ServerSecurity.defaults().withTls(tls)));
        DynamoDbClient withCertificate = client(server, serverCertificate.certificate(), clientCertificate);
        DynamoDbClient withoutCertificate = client(server, serverCertificate.certificate(), null)) {
      assertThat(withCertificate.listTables().tableNames()).isEmpty();
      assertThatThrownBy(withoutCertificate::listTables).isInstanceOf(SdkClientException.class);
    }
  }
}
