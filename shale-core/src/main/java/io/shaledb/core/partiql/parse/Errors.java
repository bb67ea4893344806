package io.shaledb.core.partiql.parse;

import io.shaledb.core.error.DynamoException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's messages for statements it will not run, all ValidationExceptions. A statement its parser cannot read
 * gets the "wasn't well formed" envelope, with a detail after it, or with nothing after it where the lexer gave up
 * (an unterminated quote or comment, a character it does not know, an exponent beyond a 32-bit integer). A statement
 * that parses but uses what DynamoDB does not support gets a message of its own, without the envelope, often with the
 * position of the token at fault ({@code line:column:length}).
 *
 * <p>Sources: the conformance suite's captures from DynamoDB (paritysuite/dynamodb-conformance, tests/tier3/
 * error-messages/partiqlGrammar and partiqlFunctions) and dynoxide's (nubo-db/dynoxide, PR 149 and its PartiQL
 * tests). Where DynamoDB's wording is not known, the detail is the closest of its known ones
 * (StatementParserErrorsTest lists those cases).
 */
final class Errors {
  static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";
  static final String EXPECTED_DML = "Expected data manipulation";
  static final String LEFTOVER = "Unexpected token after expression";
  static final String UNEXPECTED_KEYWORD = "Unexpected keyword";
  static final String UNEXPECTED_TOKEN = "Unexpected token";
  static final String UNEXPECTED_TERM = "Unexpected term";
  static final String INVALID_PATH_DOT = "Invalid path dot component";
  static final String BAG_ELEMENT =
      "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";

  private Errors() {}

  /** The envelope with a detail; an empty detail leaves nothing after the colon, as DynamoDB does. */
  static DynamoException malformed(String detail) {
    return DynamoException.validation(MALFORMED + detail);
  }

  /** A token the grammar has no place for here: a reserved word is a keyword, anything else a token. */
  static DynamoException unexpected(Token token) {
    return malformed(token.isReserved() ? UNEXPECTED_KEYWORD : UNEXPECTED_TOKEN);
  }

  /** A token where a value was due: a reserved word is a keyword, anything else a term. */
  static DynamoException unexpectedTerm(Token token) {
    return malformed(token.isReserved() ? UNEXPECTED_KEYWORD : UNEXPECTED_TERM);
  }

  static DynamoException aliasing() {
    return DynamoException.validation("Aliasing is not supported");
  }

  static DynamoException tooManyFromComponents() {
    return DynamoException.validation("A path may contain at most 2 components in the FROM clause");
  }

  static DynamoException emptyPathComponent() {
    return DynamoException.validation("Path component cannot be an empty string");
  }

  static DynamoException indexInDataManipulation() {
    return DynamoException.validation(
        "FROM clause may only contain a single table name in data manipulation statements");
  }

  static DynamoException unexpectedPathComponent(Token token) {
    return DynamoException.validation("Unexpected path component at " + token.position());
  }

  static DynamoException unrecognizedFunction(Token name) {
    return DynamoException.validation("Unrecognized function: " + lower(name) + " at " + name.position());
  }

  static DynamoException unsupportedDataType(Token name) {
    return unsupportedDataType(lower(name), name);
  }

  static DynamoException unsupportedDataType(String what, Token at) {
    return DynamoException.validation("Unsupported data type: " + what + " under key root at " + at.position());
  }

  /** @param at the token the message points at, or null for none */
  static DynamoException itemNotAStruct(@Nullable Token at) {
    return DynamoException.validation("Unsupported format in item expression. Please use struct format {...} to"
        + " express item values for insert statement." + (at == null ? "" : " at " + at.position()));
  }

  /** @param at the token the message points at, or null for none */
  static DynamoException bagElement(@Nullable Token at) {
    return DynamoException.validation(BAG_ELEMENT + (at == null ? "" : " at " + at.position()));
  }

  static DynamoException operandCount(Token name, int count) {
    return DynamoException.validation("Incorrect number of operands for operator or function; operator or function: "
        + lower(name) + ", number of operands: " + count);
  }

  static DynamoException documentPathRequired(Token name) {
    return DynamoException.validation(
        "Operator or function requires a document path; operator or function: " + lower(name));
  }

  static DynamoException setFunctionArity(String function, Token name) {
    return DynamoException.validation(function + " must have exactly two arguments at " + name.position());
  }

  static DynamoException setFunctionTarget(String function, Token name) {
    return DynamoException.validation(
        "The first argument to " + function + " must equal the assignment value at " + name.position());
  }

  static DynamoException setFunctionOperand(String function, Token firstArgument) {
    return DynamoException.validation(
        "The second argument to " + function + " must be a value with type SET at " + firstArgument.position());
  }

  static DynamoException invalidIn() {
    return DynamoException.validation("IN operator must have a left hand argument of type Variable Reference and right"
        + " hand argument of type Seq with at least one member");
  }

  static DynamoException tooManyInOperands(int count) {
    return DynamoException.validation("The IN operator is provided with too many operands; number of operands: "
        + count);
  }

  static DynamoException unsupportedIsType(String type, Token is) {
    return DynamoException.validation("Unsupported data type for IS operator: " + type + ". Supported data types are"
        + " [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST] at " + is.position());
  }

  static DynamoException deleteReturning(String clause) {
    return DynamoException.validation("Invalid returning clause: " + clause
        + ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
  }

  private static String lower(Token name) {
    return name.value().toLowerCase(Locale.ROOT);
  }
}
