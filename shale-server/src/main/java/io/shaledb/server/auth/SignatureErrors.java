package io.shaledb.server.auth;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.util.List;

/**
 * DynamoDB's answers to requests whose authentication fails, word for word. Sources: the service's responses as
 * captured in public reports (aws-sdk-js #254 and praetorian-inc/chariot-ui #453 for "Signature expired" on DynamoDB
 * with its 15 minutes and HTTP 400; boto #1552 for InvalidSignatureException's canonical-string hint from DynamoDB;
 * aws-sdk-js #4002 and 3mcloud/falcano #47 for the region scope; cllunsford/aws-signing-proxy #25 for the service
 * scope), and dynoxide's record of the IncompleteSignatureException messages (src/auth_material.rs).
 */
final class SignatureErrors {
  static final String INVALID_TOKEN = "The security token included in the request is invalid.";
  static final String MISMATCH = "The request signature we calculated does not match the signature you provided."
      + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

  private SignatureErrors() {}

  static DynamoException missingToken() {
    return new DynamoException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
  }

  static DynamoException unrecognizedClient() {
    return new DynamoException(ErrorCode.UNRECOGNIZED_CLIENT, INVALID_TOKEN);
  }

  /** Session credentials past their expiration (the service's answer, as guregu/dynamo #68 captured it). */
  static DynamoException expiredToken() {
    return new DynamoException(ErrorCode.EXPIRED_TOKEN, "The security token included in the request is expired");
  }

  static DynamoException bothForms() {
    return invalid("Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
  }

  /**
   * An Authorization header without some of its parts, each named in turn (with {@code missingDate} the lack of a
   * date header), then the header itself.
   */
  static DynamoException incompleteHeader(List<String> missingParameters, boolean missingDate, String authorization) {
    StringBuilder message = new StringBuilder();
    for (String parameter : missingParameters) {
      message.append("Authorization header requires '").append(parameter).append("' parameter. ");
    }
    if (missingDate) {
      message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    message.append("Authorization=").append(authorization);
    return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, message.toString());
  }

  /** A presigned query string without some of its parameters, each named in turn. */
  static DynamoException incompleteQuery(List<String> missingParameters) {
    StringBuilder message = new StringBuilder();
    for (String parameter : missingParameters) {
      message.append("AWS query-string parameters must include '").append(parameter).append("'. ");
    }
    message.append("Re-examine the query-string parameters.");
    return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, message.toString());
  }

  static DynamoException credentialParts(String credential) {
    return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited"
        + " elements, e.g. keyid/date/region/service/term, got '" + credential + "'");
  }

  static DynamoException badDate(String date) {
    return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. Got '"
        + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  static DynamoException wrongTerminator(String terminator) {
    return invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'. ");
  }

  static DynamoException wrongRegion(String region) {
    return invalid("Credential should be scoped to a valid region, not '" + region + "'. ");
  }

  static DynamoException wrongService(String service) {
    return invalid("Credential should be scoped to correct service: '" + service + "'. ");
  }

  static DynamoException scopeDate(String scopeDate, String amzDate) {
    return invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
        + scopeDate + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
  }

  static DynamoException mustSign(String header) {
    return invalid("'" + header + "' must be a 'SignedHeader' in the AWS Authorization.");
  }

  static DynamoException hostNotSigned() {
    return invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  /** @param limit the earliest acceptable date; {@code reference} and {@code span} say how it was reached */
  static DynamoException expired(String date, String limit, String reference, String span) {
    return invalid("Signature expired: " + date + " is now earlier than " + limit + " (" + reference + " - " + span
        + ".)");
  }

  static DynamoException notYetCurrent(String date, String limit, String reference, String span) {
    return invalid("Signature not yet current: " + date + " is still later than " + limit + " (" + reference + " + "
        + span + ".)");
  }

  /** The mismatch, with the canonical request and string to sign the server computed, as DynamoDB shows them. */
  static DynamoException mismatch(String canonicalRequest, String stringToSign) {
    return invalid(MISMATCH + "\n\nThe Canonical String for this request should have been\n'" + canonicalRequest
        + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
  }

  private static DynamoException invalid(String message) {
    return new DynamoException(ErrorCode.INVALID_SIGNATURE, message);
  }
}
