package io.shaledb.server.auth;

import org.jspecify.annotations.Nullable;

/**
 * The service name a request's credential scope must name, chosen by its X-Amz-Target as the AWS SDKs sign: the
 * DynamoDB and DynamoDB Streams clients sign as {@code dynamodb} (the Streams client's signing name is
 * {@code dynamodb}, only its endpoint prefix is {@code streams.dynamodb}), the Application Auto Scaling client, whose
 * targets start with {@code AnyScaleFrontendService.}, as {@code application-autoscaling}. A request naming no
 * known target is DynamoDB's, which answers it.
 */
enum SigningService {
  DYNAMODB("dynamodb"),
  APPLICATION_AUTO_SCALING("application-autoscaling");

  private static final String AUTO_SCALING_TARGET_PREFIX = "AnyScaleFrontendService.";

  private final String signingName;

  SigningService(String signingName) {
    this.signingName = signingName;
  }

  /** The name in the credential scope, such as {@code dynamodb}. */
  String signingName() {
    return signingName;
  }

  /** The service {@code target} (an X-Amz-Target value, or null when absent) is signed for. */
  static SigningService ofTarget(@Nullable String target) {
    return target != null && target.startsWith(AUTO_SCALING_TARGET_PREFIX) ? APPLICATION_AUTO_SCALING : DYNAMODB;
  }
}
