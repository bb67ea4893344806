package io.shaledb.server.http;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The server's TLS: TLS 1.3 and 1.2 only, with 1.2 limited to forward-secret AEAD suites (Mozilla's "intermediate"
 * list, which every current AWS SDK and the AWS CLI speak), HTTP/1.1 only (no ALPN: DynamoDB's clients speak
 * HTTP/1.1), on the JDK's TLS implementation.
 */
public final class TlsContexts {
  private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
  private static final List<String> CIPHERS = List.of(
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  /** How long a development certificate is valid: long enough to forget, short enough not to outlive its use. */
  private static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(365);

  private TlsContexts() {}

  /** A certificate made for development, with its private key. */
  public record SelfSigned(X509Certificate certificate, KeyPair keys) {}

  /**
   * A server context from PEM files: the certificate chain and its PKCS#8 private key; with {@code clientCa},
   * clients must present a certificate it signed.
   */
  public static SslContext fromPem(File certificate, File privateKey, @Nullable File clientCa) {
    try {
      return configure(SslContextBuilder.forServer(certificate, privateKey), clientCa);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read the TLS certificate " + certificate + " or its key "
          + privateKey + ": " + e.getMessage(), e);
    }
  }

  /** A server context presenting a self-signed certificate. */
  public static SslContext fromSelfSigned(SelfSigned selfSigned, @Nullable File clientCa) {
    return configure(SslContextBuilder.forServer(selfSigned.keys().getPrivate(), selfSigned.certificate()),
        clientCa);
  }

  private static SslContext configure(SslContextBuilder builder, @Nullable File clientCa) {
    builder.sslProvider(SslProvider.JDK).protocols(PROTOCOLS).ciphers(CIPHERS);
    if (clientCa != null) {
      builder.trustManager(clientCa).clientAuth(ClientAuth.REQUIRE);
    }
    try {
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * A self-signed certificate (ECDSA P-256) for {@code localhost}, 127.0.0.1 and ::1, and {@code extraName} when it
   * is a name or address besides those, valid from now for a year.
   */
  public static SelfSigned selfSigned(String extraName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=ShaleDB development certificate");
      JcaX509v3CertificateBuilder certificate = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
          Date.from(now.plus(SELF_SIGNED_VALIDITY)), subject, keys.getPublic());
      List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
      if (!extraName.isEmpty() && !HostCheck.isLoopback(extraName)) {
        names.add(new GeneralName(extraName.chars().anyMatch(Character::isLetter) && !extraName.contains(":")
            ? GeneralName.dNSName : GeneralName.iPAddress, extraName));
      }
      certificate.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      // A CA as well as the server's certificate, so that clients can trust it as their CA bundle.
      certificate.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509Certificate signed = new JcaX509CertificateConverter().getCertificate(
          certificate.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      return new SelfSigned(signed, keys);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
    }
  }
}
