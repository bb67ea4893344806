package io.shaledb.server.policy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.autoscaling.DescribeInput;
import io.shaledb.core.op.autoscaling.PutScalingPolicyInput;
import io.shaledb.core.op.autoscaling.RegisterScalableTargetInput;
import io.shaledb.core.op.autoscaling.TargetKeyInput;
import io.shaledb.core.op.batch.BatchGetItemInput;
import io.shaledb.core.op.batch.BatchWriteItemInput;
import io.shaledb.core.op.item.DeleteItemInput;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.item.UpdateItemInput;
import io.shaledb.core.op.partiql.BatchExecuteStatementInput;
import io.shaledb.core.op.partiql.BatchStatementRequest;
import io.shaledb.core.op.partiql.ExecuteStatementInput;
import io.shaledb.core.op.partiql.ExecuteTransactionInput;
import io.shaledb.core.op.partiql.ParameterizedStatement;
import io.shaledb.core.op.read.QueryInput;
import io.shaledb.core.op.read.ReadRequest;
import io.shaledb.core.op.read.ScanInput;
import io.shaledb.core.op.stream.StreamRequests;
import io.shaledb.core.op.table.ContributorInsightsInput;
import io.shaledb.core.op.table.CreateBackupInput;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.GlobalTableRequest;
import io.shaledb.core.op.table.KinesisDestinationInput;
import io.shaledb.core.op.table.ListTablesInput;
import io.shaledb.core.op.table.PutResourcePolicyInput;
import io.shaledb.core.op.table.ResourcePolicyInput;
import io.shaledb.core.op.table.RestoreTableFromBackupInput;
import io.shaledb.core.op.table.RestoreTableToPointInTimeInput;
import io.shaledb.core.op.table.TagResourceInput;
import io.shaledb.core.op.table.TimeToLiveInput;
import io.shaledb.core.op.table.UntagResourceInput;
import io.shaledb.core.op.table.UpdateContinuousBackupsInput;
import io.shaledb.core.op.table.UpdateTableInput;
import io.shaledb.core.op.tx.TransactAction;
import io.shaledb.core.op.tx.TransactGetItemsInput;
import io.shaledb.core.op.tx.TransactWriteItemsInput;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What DynamoDB checks for each call (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html
 * and the developer guide's fine-grained access control pages): the action, the resource and the request's DynamoDB
 * condition keys. Item calls check their own action on the table (or, for Query and Scan of an index, the index);
 * BatchGetItem and BatchWriteItem check their action once per table; transactions check each item's action
 * ({@code dynamodb:PutItem}, {@code dynamodb:ConditionCheckItem}, ...) with {@code dynamodb:EnclosingOperation}
 * naming the transaction; PartiQL statements check {@code dynamodb:PartiQLSelect}, {@code PartiQLInsert},
 * {@code PartiQLUpdate} or {@code PartiQLDelete}; stream calls check on the stream's ARN; Application Auto Scaling's
 * calls check its actions on {@code *}; calls on no resource
 * (ListTables, DescribeLimits) check on {@code *}.
 */
final class CallAccess {
  static final String LEADING_KEYS = "dynamodb:LeadingKeys";
  static final String ATTRIBUTES = "dynamodb:Attributes";
  static final String SELECT = "dynamodb:Select";
  static final String RETURN_VALUES = "dynamodb:ReturnValues";
  static final String RETURN_CONSUMED_CAPACITY = "dynamodb:ReturnConsumedCapacity";
  static final String ENCLOSING_OPERATION = "dynamodb:EnclosingOperation";

  /**
   * One action on one resource, with the condition keys that call sets for it, made only when asked for: most
   * policies have no condition, and then nothing reads them.
   */
  record Check(String action, String resource, Supplier<RequestFacts> facts) {
    /** A check whose call sets no condition keys. */
    static Check on(String action, String resource) {
      return new Check(action, resource, RequestFacts::new);
    }
  }

  private final Database db;

  CallAccess(Database db) {
    this.db = db;
  }

  /** The checks a call of {@code operation} with the validated {@code input} asks for. */
  List<Check> of(String operation, @Nullable Object input) {
    return switch (input) {
      case GetItemInput in -> List.of(item("dynamodb:GetItem", in.tableName(), in.key(), () -> facts(
          in.returnConsumedCapacity()).put(ATTRIBUTES, projected(in.projectionExpression(), in.attributesToGet(),
              in.expressionAttributeNames()))));
      case PutItemInput in -> List.of(item("dynamodb:PutItem", in.tableName(), in.item(), () -> facts(
          in.returnConsumedCapacity()).put(ATTRIBUTES, names(in.item())).put(RETURN_VALUES, text(in.returnValues()))));
      case UpdateItemInput in -> List.of(item("dynamodb:UpdateItem", in.tableName(), in.key(),
          () -> facts(in.returnConsumedCapacity()).put(RETURN_VALUES, text(in.returnValues()))
              .put(ATTRIBUTES, updated(in.key(), in.updateExpression(), in.expressionAttributeNames(),
                  in.attributeUpdates()))));
      case DeleteItemInput in -> List.of(item("dynamodb:DeleteItem", in.tableName(), in.key(),
          () -> facts(in.returnConsumedCapacity()).put(RETURN_VALUES, text(in.returnValues()))));
      case QueryInput in -> List.of(read("dynamodb:Query", in.read(), () -> leadingKey(in)));
      case ScanInput in -> List.of(read("dynamodb:Scan", in.read(), List::of));
      case BatchGetItemInput in -> batchGet(in);
      case BatchWriteItemInput in -> batchWrite(in);
      case TransactGetItemsInput in -> transactGet(in);
      case TransactWriteItemsInput in -> transactWrite(in);
      case ExecuteStatementInput in -> statements(List.of(Objects.requireNonNullElse(in.statement(), "")));
      case BatchExecuteStatementInput in -> statements(Objects.requireNonNullElse(in.statements(),
          List.<BatchStatementRequest>of()).stream().map(s -> Objects.requireNonNullElse(s.statement(), "")).toList());
      case ExecuteTransactionInput in -> statements(Objects.requireNonNullElse(in.transactStatements(),
          List.<ParameterizedStatement>of()).stream().map(s -> Objects.requireNonNullElse(s.statement(), "")).toList());
      case StreamRequests.ListStreamsInput in -> List.of(Check.on("dynamodb:ListStreams",
          in.tableName() == null ? "*" : db.tableArn(in.tableName()) + "/stream/*"));
      case StreamRequests.DescribeStreamInput in -> stream(operation, in.streamArn());
      case StreamRequests.GetShardIteratorInput in -> stream(operation, in.streamArn());
      case StreamRequests.GetRecordsInput in -> stream(operation,
          StreamRequests.streamArnOf(Objects.requireNonNullElse(in.shardIterator(), "")));
      case ListTablesInput in -> onArn(operation, db.tableArn("*"));
      case ResourcePolicyInput in -> onArn(operation, in.resourceArn());
      case PutResourcePolicyInput in -> onArn(operation, in.resourceArn());
      case TagResourceInput in -> onArn(operation, in.resourceArn());
      case UntagResourceInput in -> onArn(operation, in.resourceArn());
      case CreateTableInput in -> onTable(operation, in.tableName());
      case UpdateTableInput in -> onTable(operation, in.tableName());
      case TimeToLiveInput in -> onTable(operation, in.tableName());
      case UpdateContinuousBackupsInput in -> onTable(operation, in.tableName());
      case ContributorInsightsInput in -> onTable(operation, in.tableName());
      case KinesisDestinationInput in -> onTable(operation, in.tableName());
      case CreateBackupInput in -> onTable(operation, in.tableName());
      case RestoreTableFromBackupInput in -> onTable(operation, in.targetTableName());
      case RestoreTableToPointInTimeInput in -> onTable(operation, in.targetTableName());
      case GlobalTableRequest in -> onArn(operation, Database.globalTableArn(Objects.requireNonNullElse(in.globalTableName(),
          "")));
      case AdminCall in -> in.open() ? List.of() : List.of(Check.on(in.service() + ":" + operation,
          in.iamResource() == null ? "*" : "arn:aws:iam::" + Database.ACCOUNT_ID + ":" + in.iamResource()));
      case RegisterScalableTargetInput in -> autoScaling(operation);
      case PutScalingPolicyInput in -> autoScaling(operation);
      case TargetKeyInput in -> autoScaling(operation);
      case DescribeInput in -> autoScaling(operation);
      case String name -> switch (operation) {
        case "DescribeBackup", "DeleteBackup", "ListTagsOfResource" -> onArn(operation, name);
        case "DescribeGlobalTable", "DescribeGlobalTableSettings" -> onArn(operation, Database.globalTableArn(name));
        default -> onTable(operation, name);
      };
      case null, default -> onArn(operation, "*");
    };
  }

  private static RequestFacts facts(@Nullable Choice<?> returnConsumedCapacity) {
    return new RequestFacts().put(RETURN_CONSUMED_CAPACITY, text(returnConsumedCapacity));
  }

  /** @param action written out whole at each call: concatenating it cost a string per call */
  private Check item(String action, @Nullable String table, @Nullable Map<String, AttributeValue> key,
      Supplier<RequestFacts> facts) {
    String name = Objects.requireNonNullElse(table, "");
    return new Check(action, db.tableArn(name),
        () -> facts.get().put(LEADING_KEYS, partitionValues(name, key == null ? List.of() : List.of(key))));
  }

  private Check read(String action, ReadRequest read, Supplier<List<String>> leadingKeys) {
    String table = Objects.requireNonNullElse(read.tableName(), "");
    String resource = read.indexName() == null ? db.tableArn(table) : db.tableArn(table) + "/index/" + read.indexName();
    return new Check(action, resource, () -> {
      List<String> attributes = projected(read.projectionExpression(), read.attributesToGet(),
          read.expressionAttributeNames());
      String select = read.select() != null ? read.select().text()
          : attributes.isEmpty() ? "ALL_ATTRIBUTES" : "SPECIFIC_ATTRIBUTES";
      return facts(read.returnConsumedCapacity()).put(SELECT, select).put(ATTRIBUTES, attributes)
          .put(LEADING_KEYS, leadingKeys.get());
    });
  }

  private List<Check> batchGet(BatchGetItemInput in) {
    List<Check> checks = new ArrayList<>();
    Objects.requireNonNullElse(in.requestItems(), Map.<String, BatchGetItemInput.KeysAndAttributes>of())
        .forEach((table, request) -> checks.add(new Check("dynamodb:BatchGetItem", db.tableArn(table),
            () -> facts(in.returnConsumedCapacity())
                .put(LEADING_KEYS, partitionValues(table, Objects.requireNonNullElse(request.keys(), List.of())))
                .put(ATTRIBUTES, projected(request.projectionExpression(), request.attributesToGet(),
                    request.expressionAttributeNames())))));
    return checks;
  }

  private List<Check> batchWrite(BatchWriteItemInput in) {
    List<Check> checks = new ArrayList<>();
    Objects.requireNonNullElse(in.requestItems(), Map.<String, List<BatchWriteItemInput.WriteRequest>>of())
        .forEach((table, requests) -> {
          List<Map<String, AttributeValue>> keys = new ArrayList<>();
          Set<String> attributes = new LinkedHashSet<>();
          for (BatchWriteItemInput.WriteRequest request : requests) {
            Map<String, AttributeValue> item = request.putItem() != null ? request.putItem() : request.deleteKey();
            if (item != null) {
              keys.add(item);
            }
            if (request.putItem() != null) {
              attributes.addAll(request.putItem().keySet());
            }
          }
          checks.add(new Check("dynamodb:BatchWriteItem", db.tableArn(table), () -> facts(in.returnConsumedCapacity())
              .put(LEADING_KEYS, partitionValues(table, keys)).put(ATTRIBUTES, List.copyOf(attributes))));
        });
    return checks;
  }

  private List<Check> transactGet(TransactGetItemsInput in) {
    List<Check> checks = new ArrayList<>();
    for (TransactGetItemsInput.Get get : Objects.requireNonNullElse(in.transactItems(),
        List.<TransactGetItemsInput.Get>of())) {
      checks.add(item("dynamodb:GetItem", get.tableName(), get.key(), () -> facts(in.returnConsumedCapacity())
          .put(ENCLOSING_OPERATION, "TransactGetItems")
          .put(ATTRIBUTES, projected(get.projectionExpression(), null, get.expressionAttributeNames()))));
    }
    return checks;
  }

  private List<Check> transactWrite(TransactWriteItemsInput in) {
    List<Check> checks = new ArrayList<>();
    for (TransactAction action : Objects.requireNonNullElse(in.transactItems(), List.<TransactAction>of())) {
      Supplier<RequestFacts> facts =
          () -> facts(in.returnConsumedCapacity()).put(ENCLOSING_OPERATION, "TransactWriteItems");
      checks.add(switch (action) {
        case TransactAction.Put put -> item("dynamodb:PutItem", put.tableName(), put.item(),
            () -> facts.get().put(ATTRIBUTES, names(put.item())));
        case TransactAction.Update update -> item("dynamodb:UpdateItem", update.tableName(), update.key(),
            () -> facts.get().put(ATTRIBUTES, updated(update.key(), update.updateExpression(),
                update.expressionAttributeNames(), null)));
        case TransactAction.Delete delete -> item("dynamodb:DeleteItem", delete.tableName(), delete.key(), facts);
        case TransactAction.ConditionCheck check -> item("dynamodb:ConditionCheckItem", check.tableName(), check.key(),
            facts);
      });
    }
    return checks;
  }

  /** PartiQL's actions, one per statement; a statement that does not parse is left to the call to refuse. */
  private List<Check> statements(List<String> texts) {
    List<Check> checks = new ArrayList<>();
    for (String text : texts) {
      Statement statement;
      try {
        statement = db.statements().parse(text);
      } catch (DynamoException unparsable) {
        continue;
      }
      String table = db.tableArn(statement.table());
      checks.add(switch (statement) {
        case Statement.Select select -> Check.on("dynamodb:PartiQLSelect",
            select.index().map(index -> table + "/index/" + index).orElse(table));
        case Statement.Insert insert -> Check.on("dynamodb:PartiQLInsert", table);
        case Statement.Update update -> Check.on("dynamodb:PartiQLUpdate", table);
        case Statement.Delete delete -> Check.on("dynamodb:PartiQLDelete", table);
        case Statement.Exists exists -> Check.on("dynamodb:PartiQLSelect", table);
      });
    }
    return checks;
  }

  private static List<Check> stream(String operation, @Nullable String streamArn) {
    return onArn(operation, Objects.requireNonNullElse(streamArn, "*"));
  }

  private List<Check> onTable(String operation, @Nullable String table) {
    return onArn(operation, table == null ? "*" : db.tableArn(table));
  }

  /**
   * Application Auto Scaling's calls check its own actions ({@code application-autoscaling:RegisterScalableTarget},
   * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsapplicationautoscaling.html) on
   * {@code *}: a scalable target's ARN ends in an id the service assigns, which ShaleDB's targets do not have.
   */
  private static List<Check> autoScaling(String operation) {
    return List.of(Check.on("application-autoscaling:" + operation, "*"));
  }

  private static List<Check> onArn(String operation, @Nullable String arn) {
    return List.of(Check.on("dynamodb:" + operation, Objects.requireNonNullElse(arn, "*")));
  }

  /** The partition key values of {@code keys} as text (numbers as written, binary in base64), for LeadingKeys. */
  private List<String> partitionValues(String table, List<Map<String, AttributeValue>> keys) {
    TableMetadata metadata = db.catalog().find(table).orElse(null);
    if (metadata == null) {
      return List.of();
    }
    String partitionKey = metadata.keySchema().partitionKey().name();
    Set<String> values = new LinkedHashSet<>();
    for (Map<String, AttributeValue> key : keys) {
      String value = scalar(key.get(partitionKey));
      if (value != null) {
        values.add(value);
      }
    }
    return List.copyOf(values);
  }

  /** The partition key value a Query's key condition fixes ({@code pk = :v}). */
  private List<String> leadingKey(QueryInput in) {
    ReadRequest read = in.read();
    String table = Objects.requireNonNullElse(read.tableName(), "");
    TableMetadata metadata = db.catalog().find(table).orElse(null);
    if (metadata == null || in.keyConditionExpression() == null) {
      return List.of();
    }
    IndexMetadata index = read.indexName() == null ? null : metadata.index(read.indexName());
    String partitionKey = (index == null ? metadata.keySchema() : index.keySchema()).partitionKey().name();
    Condition condition;
    try {
      condition = db.expressions().condition(ExpressionKind.KEY_CONDITION, in.keyConditionExpression());
    } catch (DynamoException unparsable) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    equalities(condition, (path, placeholder) -> {
      if (partitionKey.equals(topLevel(path, read.expressionAttributeNames()))) {
        Map<String, AttributeValue> bound = read.expressionAttributeValues();
        String value = bound == null ? null : scalar(bound.get(placeholder));
        if (value != null) {
          values.add(value);
        }
      }
    });
    return values;
  }

  @FunctionalInterface
  private interface Equality {
    void found(Path path, String placeholder);
  }

  private static void equalities(Condition condition, Equality found) {
    switch (condition) {
      case Condition.And and -> {
        equalities(and.left(), found);
        equalities(and.right(), found);
      }
      case Condition.Comparison comparison when comparison.comparator() == Comparator.EQ -> {
        if (comparison.left() instanceof Operand.PathOperand path
            && comparison.right() instanceof Operand.Placeholder value) {
          found.found(path.path(), value.name());
        } else if (comparison.right() instanceof Operand.PathOperand path
            && comparison.left() instanceof Operand.Placeholder value) {
          found.found(path.path(), value.name());
        }
      }
      default -> {
        // Other forms fix no partition key value.
      }
    }
  }

  private List<String> projected(@Nullable String projection, @Nullable List<String> attributesToGet,
      @Nullable Map<String, String> names) {
    if (attributesToGet != null) {
      return List.copyOf(new LinkedHashSet<>(attributesToGet));
    }
    if (projection == null) {
      return List.of();
    }
    Set<String> attributes = new LinkedHashSet<>();
    try {
      for (Path path : db.expressions().projection(projection)) {
        attributes.add(topLevel(path, names));
      }
    } catch (DynamoException unparsable) {
      return List.of();
    }
    return List.copyOf(attributes);
  }

  /** The attributes an update writes, with the key's: what {@code dynamodb:Attributes} lists for UpdateItem. */
  private List<String> updated(@Nullable Map<String, AttributeValue> key, @Nullable String expression,
      @Nullable Map<String, String> names, @Nullable Map<String, ?> attributeUpdates) {
    Set<String> attributes = new LinkedHashSet<>(names(key));
    if (attributeUpdates != null) {
      attributes.addAll(attributeUpdates.keySet());
    }
    if (expression != null) {
      try {
        for (Update.Action action : db.expressions().update(expression).actions()) {
          attributes.add(topLevel(action.path(), names));
        }
      } catch (DynamoException unparsable) {
        return List.copyOf(attributes);
      }
    }
    return List.copyOf(attributes);
  }

  private static List<String> names(@Nullable Map<String, AttributeValue> item) {
    return item == null ? List.of() : List.copyOf(item.keySet());
  }

  /** The top-level attribute a path starts at, its {@code #name} resolved. */
  private static String topLevel(Path path, @Nullable Map<String, String> names) {
    if (path.elements().isEmpty() || !(path.elements().get(0) instanceof PathElement.Name name)) {
      return "";
    }
    String text = name.name();
    return text.startsWith("#") && names != null ? Objects.requireNonNullElse(names.get(text), text) : text;
  }

  private static @Nullable String scalar(@Nullable AttributeValue value) {
    return switch (value) {
      case AttributeValue.S s -> s.value();
      case AttributeValue.N n -> n.value().toString();
      case AttributeValue.B b -> Base64.getEncoder().encodeToString(b.value().toByteArray());
      case null, default -> null;
    };
  }

  private static List<String> text(@Nullable Choice<?> choice) {
    return choice == null ? List.of() : List.of(choice.text());
  }
}
