package io.shaledb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The differences a run expects, each with the side that deviates from DynamoDB. Those of DynamoDB Local are its
 * allow-list, documented with their sources in {@code docs/dynamodb-local-deviations.md} under the same names; those
 * of ShaleDB are known gaps still to be fixed (issue 25), reported but not failed on so that the suite stays green
 * while they are open; where no source settles which side is right, the difference is {@link Side#UNCLEAR}.
 * Anything else is unexplained and fails the run. The first matching entry classifies a difference.
 */
enum KnownDifference {
  NUMBER_TEXT(Side.DYNAMODB_LOCAL, "numbers are returned as written instead of normalised",
      d -> d.kind() == Difference.Kind.NUMBER_TEXT),
  REQUEST_VALIDATION_ENVELOPE(Side.DYNAMODB_LOCAL, "PutItem's and UpdateItem's request validation errors are bare "
      + "instead of inside '1 validation error detected: '", KnownDifference::bareRequestValidation),
  MISSING_TABLE_MESSAGE(Side.DYNAMODB_LOCAL, "a missing table is 'Cannot do operations on a non-existent table'",
      errors("^Requested resource not found", "^Cannot do operations on a non-existent table$")),
  KEY_SCHEMA_MESSAGE(Side.DYNAMODB_LOCAL, "a key with missing or extra attributes is 'The number of conditions on "
      + "the keys is invalid'",
      errors("^The provided key element does not match the schema$", "The number of conditions on the keys is invalid$")),
  KEY_TYPE_MESSAGE(Side.DYNAMODB_LOCAL, "a key of the wrong type is 'Type mismatch for key' without the details",
      errors("Type mismatch for key \\S+ expected: \\w+ actual: \\w+$|^The provided key element does not match the schema$",
          "Type mismatch for key$")),
  INDEX_KEY_TYPE_MESSAGE(Side.DYNAMODB_LOCAL, "an index key of the wrong type is 'Type mismatch for Index Key' "
      + "without the details", errors("Type mismatch for Index Key \\S+ Expected: ", "Type mismatch for Index Key$")),
  MISSING_KEY_MESSAGE(Side.DYNAMODB_LOCAL, "an item without a key attribute is 'One of the required keys was not "
      + "given a value'", errors("Missing the key \\S+ in the item$", "^One of the required keys was not given a value$")),
  RETURN_VALUES_MESSAGE(Side.DYNAMODB_LOCAL, "ReturnValues an operation does not allow is 'Return values set to "
      + "invalid value'", errors("^ReturnValues can only be ", "^Return values set to invalid value$")),
  BINARY_IN_MESSAGE(Side.DYNAMODB_LOCAL, "binary values in messages are written as java.nio.HeapByteBuffer[...]",
      d -> d.bothFailed() && d.dynamodbLocal().message().contains("java.nio.HeapByteBuffer")
          && d.shaledb().errorType().equals(d.dynamodbLocal().errorType())
          && withoutBinaries(d.shaledb().message()).equals(withoutBinaries(d.dynamodbLocal().message()))),
  ATTRIBUTE_TYPE_LIST_ORDER(Side.UNCLEAR, "attribute_type's list of valid types is in another order",
      errors("valid types: \\{ B, NULL, SS, BOOL, L, BS, N, NS, S, M \\}$", "valid types: \\{N,BS,L,B,NULL,M,S,SS,NS,BOOL\\}$")),
  EMPTY_BINARY_SET_MESSAGE(Side.UNCLEAR, "an empty binary set is 'Binary sets should not be empty'",
      errors("An binary set  may not be empty$", "Binary sets should not be empty$")),
  SCAN_ALL_PROJECTED_MESSAGE(Side.UNCLEAR, "Scan's ALL_PROJECTED_ATTRIBUTES without an index says 'Querying'",
      errors("can be used only when Scanning using an IndexName$", "can be used only when Querying using an IndexName$")),
  TRANSACT_GET_KEY_AS_CANCELLATION(Side.UNCLEAR, "TransactGetItems with a key of the wrong shape: ShaleDB cancels "
      + "with ValidationError in its place (or first refuses an invalid expression of another action), DynamoDB Local "
      + "cancels without reasons or refuses the request", d -> d.operation().equals("TransactGetItems")
          && d.bothFailed() && ((d.shaledb().errorType().equals("TransactionCanceledException")
              && d.shaledb().message().contains("ValidationError")
              && !d.dynamodbLocal().body().has("CancellationReasons"))
          || (d.shaledb().errorType().equals("ValidationException")
              && d.dynamodbLocal().errorType().equals("TransactionCanceledException")
              && !d.dynamodbLocal().body().has("CancellationReasons")))),
  BATCH_GET_DUPLICATE_KEYS(Side.DYNAMODB_LOCAL, "BatchGetItem with the same key twice is answered instead of "
      + "refused", d -> d.operation().equals("BatchGetItem") && d.onlyShaleDbFailed()
          && d.shaledb().message().equals("Provided list of item keys contains duplicates")),
  VALIDATION_BEFORE_TABLE_LOOKUP(Side.DYNAMODB_LOCAL, "a request invalid in itself, to a table that does not exist, "
      + "is answered 'Cannot do operations on a non-existent table'", d -> d.bothFailed()
          && d.shaledb().errorType().equals("ValidationException")
          && d.dynamodbLocal().message().equals("Cannot do operations on a non-existent table")),
  LIMIT_LAST_PAGE_KEY(Side.DYNAMODB_LOCAL, "a Query page that reaches Limit with the last matching item has no "
      + "LastEvaluatedKey", KnownDifference::limitReachedAtTheEnd),
  INDEX_TIE_ORDER(Side.UNCLEAR, "a Query of an index returns items whose index keys are equal in another order",
      KnownDifference::sameIndexItemsInAnotherOrder),
  UPDATE_INDEX_KEY_TYPE_NOT_CHECKED(Side.DYNAMODB_LOCAL, "an update that gives an index key attribute a value of "
      + "another type is carried out", d -> d.onlyShaleDbFailed()
          && d.shaledb().message().contains("Type mismatch for Index Key")),
  ITEM_SIZE_NEAR_LIMIT(Side.UNCLEAR, "an item under 400 KB by the documented size rules is refused as too large",
      d -> d.onlyDynamoDbLocalFailed()
          && d.dynamodbLocal().message().equals("Item size has exceeded the maximum allowed size")),
  INDEX_KEY_DELETE_TYPE(Side.UNCLEAR, "a DELETE of set elements from an index key attribute of an absent item is "
      + "refused for its type", d -> d.onlyDynamoDbLocalFailed() && d.dynamodbLocal().message()
          .equals("Updates on index keys must be of the same data type as the key attribute")),
  DELETE_ONLY_UPDATE_OF_ABSENT_ITEM(Side.DYNAMODB_LOCAL, "an update that only deletes set elements, of an absent "
      + "item, creates the item with its key alone", d -> onlyKeyOnlyItemsMissing(d)
          || (d.operation().equals("UpdateItem") && !d.shaledb().failed() && !d.dynamodbLocal().failed()
              && !d.shaledb().body().has("Attributes") && keyOnly(d.dynamodbLocal().body().path("Attributes")))),
  LEGACY_OPERATOR_TYPE_ACCEPTED(Side.DYNAMODB_LOCAL, "a legacy CONTAINS or NOT_CONTAINS with a NULL or BOOL operand "
      + "is accepted", d -> d.onlyShaleDbFailed() && d.shaledb().message()
          .matches(".*ComparisonOperator (NOT_)?CONTAINS is not valid for (NULL|BOOL) AttributeValue type")),
  INTERNAL_FAILURE(Side.DYNAMODB_LOCAL, "DynamoDB Local fails with InternalFailure (HTTP 500) on a request it "
      + "should refuse", d -> d.dynamodbLocal().errorType().equals("InternalFailure")
          && d.shaledb().errorType().equals("ValidationException")),
  VALUE_ERROR_WORDING(Side.UNCLEAR, "the same invalid value, worded differently",
      KnownDifference::sameValueFault),
  CANCELLATION_REASON_DETAIL(Side.UNCLEAR, "the same cancellation, with reasons' messages worded differently "
      + "(DynamoDB Local ends 'The conditional request failed.' with a full stop)",
      d -> d.bothFailed() && d.shaledb().errorType().equals("TransactionCanceledException")
          && d.shaledb().errorType().equals(d.dynamodbLocal().errorType())
          && d.shaledb().message().equals(d.dynamodbLocal().message())),
  LEGACY_CONDITION_OUTCOME(Side.UNCLEAR, "a legacy Expected condition or filter holds on one server and fails on "
      + "the other (operands of types the operator cannot compare, such as NULL in NOT_CONTAINS; NOT_CONTAINS of an "
      + "attribute missing or of another type)",
      d -> (d.request().has("Expected") && Stream.of(d.shaledb(), d.dynamodbLocal()).anyMatch(o -> !o.failed())
          && Stream.of(d.shaledb(), d.dynamodbLocal())
              .anyMatch(o -> o.errorType().equals("ConditionalCheckFailedException")))
          || (Stream.of("QueryFilter", "ScanFilter").anyMatch(d.request()::has) && !d.shaledb().failed()
              && !d.dynamodbLocal().failed() && d.request().toString().contains("CONTAINS"))),
  LSI_FILTER_NOT_PROJECTED(Side.UNCLEAR, "a filter on attributes a local index does not project is refused, or "
      + "evaluated on the table's item rather than the index's",
      d -> (d.onlyDynamoDbLocalFailed()
          && d.dynamodbLocal().message().contains("does not project one or more filter attributes"))
          || (d.request().path("IndexName").asText().equals("lsi1") && d.request().has("FilterExpression")
              && !d.shaledb().failed() && !d.dynamodbLocal().failed())),

  BETWEEN_MESSAGE_WORDING(Side.SHALEDB, "BETWEEN bounds out of order: 'lower bound:' where DynamoDB writes 'lower "
      + "bound operand:'", errors("requires upper bound to be greater than or equal to lower bound; lower bound: ",
          "requires upper bound to be greater than or equal to lower bound; lower bound operand: ")),
  BETWEEN_OPERAND_TYPES(Side.SHALEDB, "BETWEEN with bounds of two types or of a type that has no order is not "
      + "refused as DynamoDB refuses it", d -> d.dynamodbLocal().failed()
          && d.dynamodbLocal().message().matches(".*(The BETWEEN operator requires same data type for lower and upper"
              + " bounds|operator or function: BETWEEN, operand type).*")
          && !d.shaledb().message().equals(d.dynamodbLocal().message())),
  UPDATE_OPERAND_TYPE_MESSAGE(Side.SHALEDB, "an ADD or DELETE operand of the wrong type: the type name and the "
      + "typeSet differ from DynamoDB's wording", errors("Incorrect operand type for operator or function; "
          + "operator: (ADD|DELETE), operand type: [A-Z]+$", "Incorrect operand type for operator or function; "
          + "operator: (ADD|DELETE), operand type: \\w+, typeSet: ")),
  OPERAND_TYPE_NOT_CHECKED(Side.SHALEDB, "an operand of a type the operator or function can never accept is not "
      + "refused before the item is read", d -> d.dynamodbLocal().failed()
          && d.dynamodbLocal().message().contains("Incorrect operand type for operator or function")
          && !d.shaledb().message().contains("Incorrect operand type for operator or function")),
  PROJECTION_PATHS_OVERLAP(Side.SHALEDB, "projection paths that overlap or conflict are not refused",
      d -> d.onlyDynamoDbLocalFailed() && d.dynamodbLocal().message()
          .matches("Invalid ProjectionExpression: Two document paths (overlap|conflict) with each other.*")),
  LEGACY_AND_EXPRESSION_MIXED(Side.SHALEDB, "legacy parameters beside expressions are not refused",
      d -> d.dynamodbLocal().message().startsWith("Can not use both expression and non-expression parameters")
          && !d.shaledb().message().startsWith("Can not use both expression and non-expression parameters")),
  KEY_PATH_NOT_SCALAR(Side.SHALEDB, "a list index or map key on a key attribute is not refused",
      d -> d.onlyDynamoDbLocalFailed() && d.dynamodbLocal().message().startsWith("Key attributes must be scalars")),
  UPDATE_PATH_NOT_CHECKED(Side.SHALEDB, "an update path through a missing or wrong-typed parent, or an update of a "
      + "missing attribute, is not refused as DynamoDB refuses it", d -> d.dynamodbLocal().failed()
          && d.dynamodbLocal().message().matches("(The document path provided in the update expression is invalid for"
              + " update|The provided expression refers to an attribute that does not exist in the item|An operand in"
              + " the update expression has an incorrect data type)")
          && !d.shaledb().message().equals(d.dynamodbLocal().message())),
  LEGACY_OPERATOR_TYPE_NOT_CHECKED(Side.SHALEDB, "a legacy ComparisonOperator with an AttributeValue type it does "
      + "not accept (BETWEEN or GE on a binary set) is not refused", d -> d.dynamodbLocal().failed()
          && d.dynamodbLocal().message().matches(".*ComparisonOperator \\w+ is not valid for \\w+ AttributeValue type.*")
          && !d.shaledb().message().equals(d.dynamodbLocal().message())),
  VALIDATION_AFTER_CONDITION(Side.SHALEDB, "a request DynamoDB refuses as invalid is answered with a failed "
      + "condition", d -> d.shaledb().errorType().equals("ConditionalCheckFailedException")
          && d.dynamodbLocal().errorType().equals("ValidationException")),
  TRANSACTION_VALIDATION_ERROR(Side.SHALEDB, "a validation error in one transaction action is answered as "
      + "ValidationException where DynamoDB cancels the transaction with ValidationError in that position, or the "
      + "other way round", d -> d.operation().equals("TransactWriteItems") && d.bothFailed()
          && !d.shaledb().errorType().equals(d.dynamodbLocal().errorType())
          && (d.shaledb().errorType().equals("TransactionCanceledException")
              || d.dynamodbLocal().errorType().equals("TransactionCanceledException"))),
  TRANSACTION_REASONS_BESIDE_VALIDATION_ERROR(Side.UNCLEAR, "a transaction with an invalid action: ShaleDB cancels "
      + "with ValidationError there and None elsewhere before any condition is read, DynamoDB Local evaluates the "
      + "conditions (the invalid action's too) or carries the transaction out",
      d -> d.operation().equals("TransactWriteItems")
          && d.shaledb().errorType().equals("TransactionCanceledException")
          && d.shaledb().message().contains("ValidationError")
          && (!d.dynamodbLocal().failed() || d.dynamodbLocal().errorType().equals("TransactionCanceledException"))),
  UPDATE_INDEX_KEY_BESIDE_FAILED_CONDITION(Side.UNCLEAR, "a transaction whose update gives an index key another "
      + "type while another action's condition fails: ShaleDB reports the failed condition and None for the update "
      + "(it applies no change once a condition fails), DynamoDB Local a ValidationError for the update too",
      d -> d.operation().equals("TransactWriteItems") && d.bothFailed()
          && d.shaledb().errorType().equals("TransactionCanceledException")
          && d.shaledb().message().contains("ConditionalCheckFailed")
          && !d.shaledb().message().contains("ValidationError")
          && d.dynamodbLocal().body().path("CancellationReasons").toString().contains("Type mismatch for Index Key")),
  CONDITION_BEFORE_VALIDATION(Side.UNCLEAR, "DynamoDB Local evaluates the condition before a check that needs no "
      + "item (an update of a key attribute), ShaleDB the other way round",
      d -> d.shaledb().errorType().equals("ValidationException")
          && d.dynamodbLocal().errorType().equals("ConditionalCheckFailedException")),
  OTHER_FAULT_FIRST(Side.UNCLEAR, "both refuse the request as invalid, each naming another fault or wording it "
      + "otherwise: to triage one by one from the report", d -> d.bothFailed()
          && d.shaledb().errorType().equals("ValidationException")
          && d.dynamodbLocal().errorType().equals("ValidationException"));

  enum Side {
    /** DynamoDB Local does not do what DynamoDB documents or answers; ShaleDB must not copy it. */
    DYNAMODB_LOCAL,
    /** ShaleDB does not do what DynamoDB (and DynamoDB Local) do: to fix. */
    SHALEDB,
    /** No source at hand says which side answers as DynamoDB does. */
    UNCLEAR
  }

  private static final Pattern BINARY = Pattern.compile("\\{B:[^{}]*\\}");

  private final Side side;
  private final String summary;
  private final Predicate<Difference> matches;

  KnownDifference(Side side, String summary, Predicate<Difference> matches) {
    this.side = side;
    this.summary = summary;
    this.matches = matches;
  }

  Side side() {
    return side;
  }

  String summary() {
    return summary;
  }

  static Optional<KnownDifference> classify(Difference difference) {
    return Stream.of(values()).filter(known -> known.matches.test(difference)).findFirst();
  }

  /** Both servers failed with the same error type, their messages matching these patterns. */
  private static Predicate<Difference> errors(String shaledb, String dynamodbLocal) {
    Pattern mine = Pattern.compile(shaledb);
    Pattern theirs = Pattern.compile(dynamodbLocal);
    return d -> d.bothFailed() && d.shaledb().errorType().equals(d.dynamodbLocal().errorType())
        && mine.matcher(d.shaledb().message()).find() && theirs.matcher(d.dynamodbLocal().message()).find();
  }

  /** Both messages name the same kind of invalid value. */
  private static boolean sameValueFault(Difference d) {
    return d.bothFailed() && Stream.of("Duplicate value in attribute name|Cannot have two attributes with the same name",
        "Input collection .*contains duplicates", "cannot be converted to a numeric value|cannot be converted into a number",
        "Number overflow|significant digits|precision up to",
        "Member must have value greater than or equal to|must be greater than or equal to",
        "ADD action is not supported for the type").map(Pattern::compile)
        .anyMatch(p -> p.matcher(d.shaledb().message()).find() && p.matcher(d.dynamodbLocal().message()).find());
  }

  /**
   * Both paged a Query alike, except that ShaleDB's page that reached Limit with the last matching item carries a
   * LastEvaluatedKey, followed by an empty last page.
   */
  private static boolean limitReachedAtTheEnd(Difference d) {
    JsonNode mine = d.shaledb().body().path("Pages");
    JsonNode theirs = d.dynamodbLocal().body().path("Pages");
    if (!d.request().has("Limit") || mine.size() != theirs.size() + 1 || theirs.isEmpty()
        || mine.get(mine.size() - 1).path("Count").asInt() != 0) {
      return false;
    }
    for (int i = 0; i < theirs.size(); i++) {
      ObjectNode page = mine.get(i).deepCopy();
      if (i == theirs.size() - 1) {
        page.remove("LastEvaluatedKey");
      }
      if (!page.equals(theirs.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A Query of an index answered by both with the same items, but not in the same order. */
  private static boolean sameIndexItemsInAnotherOrder(Difference d) {
    return d.request().has("IndexName") && !d.shaledb().failed() && !d.dynamodbLocal().failed()
        && items(d.shaledb()).equals(items(d.dynamodbLocal()));
  }

  private static List<String> items(Outcome outcome) {
    List<String> items = new ArrayList<>();
    outcome.body().path("Pages").forEach(page -> page.path("Items").forEach(item -> items.add(item.toString())));
    Collections.sort(items);
    return items;
  }

  /** A full comparison where DynamoDB Local alone holds items, each of them its key alone. */
  private static boolean onlyKeyOnlyItemsMissing(Difference d) {
    JsonNode theirs = d.dynamodbLocal().body().path("Items");
    boolean keysOnly = d.kind() == Difference.Kind.STATE && d.shaledb().body().path("Items").isEmpty()
        && !theirs.isEmpty();
    for (JsonNode item : theirs) {
      keysOnly &= keyOnly(item);
    }
    return keysOnly;
  }

  /** An item of the run's tables holding its key (pk, and sk where the table has it) and nothing else. */
  private static boolean keyOnly(JsonNode item) {
    return item.has("pk") && Stream.of("pk", "sk").filter(item::has).count() == item.size();
  }

  private static String withoutBinaries(String message) {
    return BINARY.matcher(message).replaceAll("{B}");
  }

  /**
   * ShaleDB's message is DynamoDB Local's inside the envelope (where the service no longer names the expressions that
   * are null, DynamoDB Local's message goes on after it), or differs from it only by the envelope and another deviation
   * of DynamoDB Local.
   */
  private static boolean bareRequestValidation(Difference d) {
    String envelope = "1 validation error detected: ";
    if (!(d.operation().equals("PutItem") || d.operation().equals("UpdateItem")) || !d.bothFailed()
        || !d.shaledb().message().startsWith(envelope) || d.dynamodbLocal().message().startsWith(envelope)) {
      return false;
    }
    String bare = d.shaledb().message().substring(envelope.length());
    ObjectNode body = d.shaledb().body().deepCopy();
    Outcome unwrapped = new Outcome(d.shaledb().status(), body.put("message", bare));
    boolean sameCheck = bare.equals(d.dynamodbLocal().message())
        || (bare.endsWith("when using expressions") && d.dynamodbLocal().message().startsWith(bare + ": "));
    return (sameCheck && d.shaledb().errorType().equals(d.dynamodbLocal().errorType()))
        || classify(new Difference(d.seed(), d.step(), d.kind(), d.operation(), d.request(), unwrapped,
            d.dynamodbLocal())).filter(known -> known.side() == Side.DYNAMODB_LOCAL).isPresent();
  }
}
