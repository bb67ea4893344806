package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Tag;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.op.table.CreateTableInput.WarmThroughputSpecification;
import io.shaledb.core.op.table.DescribeLimitsOutput;
import io.shaledb.core.op.table.ListTablesInput;
import io.shaledb.core.op.table.ListTablesOutput;
import io.shaledb.core.op.table.ListTagsOfResourceOutput;
import io.shaledb.core.op.table.TableDescription;
import io.shaledb.core.op.table.TagResourceInput;
import io.shaledb.core.op.table.TimeToLiveInput;
import io.shaledb.core.op.table.TimeToLiveOutput;
import io.shaledb.core.op.table.UntagResourceInput;
import io.shaledb.core.op.table.UpdateTableInput;
import io.shaledb.core.op.table.UpdateTableInput.DeleteIndex;
import io.shaledb.core.op.table.UpdateTableInput.GlobalIndexUpdate;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.op.table.UpdateTableInput.UpdateIndex;
import io.shaledb.core.op.table.UpdateTableInput.WitnessUpdate;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.MultiRegionConsistency;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.RestoreSummary;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** Requests and responses of the control-plane operations. */
public final class TableJson {
  private TableJson() {}

  public static CreateTableInput readCreateTable(JsonInput in) throws IOException {
    String tableName = null;
    List<AttributeDefinition> definitions = null;
    List<KeySchemaElement> keySchema = null;
    Choice<BillingMode> billingMode = null;
    Throughput throughput = null;
    List<Tag> tags = null;
    Boolean deletionProtection = null;
    List<SecondaryIndex> locals = null;
    List<SecondaryIndex> globals = null;
    StreamSpecification stream = null;
    Choice<TableClass> tableClass = null;
    OnDemandThroughputSpecification onDemand = null;
    WarmThroughputSpecification warm = null;
    String resourcePolicy = null;
    List<String> unsupported = new ArrayList<>();
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "LocalSecondaryIndexes" -> locals = in.readList(TableJson::readSecondaryIndex);
        case "StreamSpecification" -> stream = readStreamSpecification(in);
        case "GlobalSecondaryIndexes" -> globals = in.readList(TableJson::readSecondaryIndex);
        case "AttributeDefinitions" -> definitions = in.readList(r -> readPair(r, "AttributeName", "AttributeType",
            (attribute, type) -> new AttributeDefinition(attribute, Choice.of(type, ScalarType.class))));
        case "KeySchema" -> keySchema = in.readList(r -> readPair(r, "AttributeName", "KeyType",
            (attribute, type) -> new KeySchemaElement(attribute, Choice.of(type, KeyType.class))));
        case "BillingMode" -> billingMode = in.readChoice(BillingMode.class);
        case "ProvisionedThroughput" -> throughput = readThroughput(in);
        case "Tags" -> tags = in.readList(r -> readPair(r, "Key", "Value", Tag::new));
        case "DeletionProtectionEnabled" -> deletionProtection = in.readBoolean();
        case "SSESpecification" -> {
          String refused = readEncryption(in);
          if (refused != null) {
            unsupported.add(refused);
          }
        }
        case "TableClass" -> tableClass = in.readChoice(TableClass.class);
        case "OnDemandThroughput" -> onDemand = readOnDemandThroughput(in);
        case "WarmThroughput" -> warm = readWarmThroughput(in);
        case "ResourcePolicy" -> resourcePolicy = in.readString();
        default -> in.skipValue();
      }
    }
    return new CreateTableInput(tableName, definitions, keySchema, billingMode, throughput, tags, deletionProtection,
        locals, globals, stream, unsupported, tableClass, onDemand, warm, resourcePolicy);
  }

  public static UpdateTableInput readUpdateTable(JsonInput in) throws IOException {
    String tableName = null;
    Choice<BillingMode> billingMode = null;
    Throughput throughput = null;
    Boolean deletionProtection = null;
    List<AttributeDefinition> definitions = null;
    List<GlobalIndexUpdate> indexUpdates = null;
    StreamSpecification stream = null;
    Choice<TableClass> tableClass = null;
    OnDemandThroughputSpecification onDemand = null;
    WarmThroughputSpecification warm = null;
    boolean encryption = false;
    List<String> unsupported = new ArrayList<>();
    List<ReplicaUpdate> replicaUpdates = null;
    Choice<MultiRegionConsistency> consistency = null;
    List<WitnessUpdate> witnessUpdates = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "AttributeDefinitions" -> definitions = in.readList(r -> readPair(r, "AttributeName", "AttributeType",
            (attribute, type) -> new AttributeDefinition(attribute, Choice.of(type, ScalarType.class))));
        case "GlobalSecondaryIndexUpdates" -> indexUpdates = in.readList(TableJson::readIndexUpdate);
        case "StreamSpecification" -> stream = readStreamSpecification(in);
        case "BillingMode" -> billingMode = in.readChoice(BillingMode.class);
        case "ProvisionedThroughput" -> throughput = readThroughput(in);
        case "DeletionProtectionEnabled" -> deletionProtection = in.readBoolean();
        case "SSESpecification" -> {
          encryption = in.isPresent();
          String refused = readEncryption(in);
          if (refused != null) {
            unsupported.add(refused);
          }
        }
        case "TableClass" -> tableClass = in.readChoice(TableClass.class);
        case "OnDemandThroughput" -> onDemand = readOnDemandThroughput(in);
        case "WarmThroughput" -> warm = readWarmThroughput(in);
        case "ReplicaUpdates" -> replicaUpdates = in.readList(ReplicaJson::readReplicaUpdate);
        case "MultiRegionConsistency" -> consistency = in.readChoice(MultiRegionConsistency.class);
        case "GlobalTableWitnessUpdates" -> witnessUpdates = in.readList(ReplicaJson::readWitnessUpdate);
        default -> in.skipValue();
      }
    }
    return new UpdateTableInput(tableName, billingMode, throughput, deletionProtection, definitions, indexUpdates,
        stream, unsupported, tableClass, onDemand, warm, encryption, replicaUpdates, consistency, witnessUpdates);
  }

  /** DescribeTable and DeleteTable take only a table name. */
  public static @Nullable String readTableName(JsonInput in) throws IOException {
    return readSingleString(in, "TableName");
  }

  public static @Nullable String readResourceArn(JsonInput in) throws IOException {
    return readSingleString(in, "ResourceArn");
  }

  public static ListTablesInput readListTables(JsonInput in) throws IOException {
    String start = null;
    Long limit = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ExclusiveStartTableName" -> start = in.readString();
        case "Limit" -> limit = in.readLong();
        default -> in.skipValue();
      }
    }
    return new ListTablesInput(start, limit);
  }

  public static TagResourceInput readTagResource(JsonInput in) throws IOException {
    String arn = null;
    List<Tag> tags = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ResourceArn" -> arn = in.readString();
        case "Tags" -> tags = in.readList(r -> readPair(r, "Key", "Value", Tag::new));
        default -> in.skipValue();
      }
    }
    return new TagResourceInput(arn, tags);
  }

  public static UntagResourceInput readUntagResource(JsonInput in) throws IOException {
    String arn = null;
    List<String> keys = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ResourceArn" -> arn = in.readString();
        case "TagKeys" -> keys = in.readList(JsonInput::readString);
        default -> in.skipValue();
      }
    }
    return new UntagResourceInput(arn, keys);
  }

  public static TimeToLiveInput readUpdateTimeToLive(JsonInput in) throws IOException {
    String tableName = null;
    Boolean enabled = null;
    String attribute = null;
    boolean present = false;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "TimeToLiveSpecification" -> {
          present = in.beginStructure();
          if (present) {
            while (in.nextField()) {
              switch (in.fieldName()) {
                case "Enabled" -> enabled = in.readBoolean();
                case "AttributeName" -> attribute = in.readString();
                default -> in.skipValue();
              }
            }
          }
        }
        default -> in.skipValue();
      }
    }
    return new TimeToLiveInput(tableName, enabled, attribute, present);
  }

  public static void writeTimeToLiveSpecification(JsonGenerator g, TimeToLiveOutput out) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("TimeToLiveSpecification");
    g.writeBooleanField("Enabled", out.enabled());
    g.writeStringField("AttributeName", out.attributeName());
    g.writeEndObject();
    g.writeEndObject();
  }

  public static void writeTimeToLiveDescription(JsonGenerator g, TimeToLiveOutput out) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("TimeToLiveDescription");
    g.writeStringField("TimeToLiveStatus", out.status());
    if (out.attributeName() != null) {
      g.writeStringField("AttributeName", out.attributeName());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Reads a request with no members that matter (DescribeEndpoints, DescribeLimits). */
  public static Void readNothing(JsonInput in) throws IOException {
    in.beginRequest();
    while (in.nextField()) {
      in.skipValue();
    }
    return null;
  }

  static @Nullable String readSingleString(JsonInput in, String member) throws IOException {
    String value = null;
    in.beginRequest();
    while (in.nextField()) {
      if (in.fieldName().equals(member)) {
        value = in.readString();
      } else {
        in.skipValue();
      }
    }
    return value;
  }

  /**
   * Reads an SSESpecification, true when it asks for what every table has anyway: encryption at rest with a key the
   * service owns ({@code Enabled} false, no key named), which DynamoDB accepts and then describes no differently from a
   * table created without it (no SSEDescription).
   */
  static boolean readsDefaultEncryption(JsonInput in) throws IOException {
    return readEncryption(in) == null;
  }

  /**
   * Reads an SSESpecification: null when it asks for encryption with a key the service owns, else the member to
   * refuse unless the server grants it: {@code SSESpecification} for KMS encryption with no key named (granted when
   * the server encrypts at rest), {@code SSESpecification.KMSMasterKeyId} for a key of the caller's own (never).
   */
  static @Nullable String readEncryption(JsonInput in) throws IOException {
    Boolean enabled = null;
    boolean typeNamed = false;
    boolean keyNamed = false;
    if (!in.beginStructure()) {
      return null;
    }
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "Enabled" -> enabled = in.readBoolean();
        case "SSEType" -> {
          typeNamed |= in.isPresent();
          in.skipValue();
        }
        case "KMSMasterKeyId" -> {
          keyNamed |= in.isPresent();
          in.skipValue();
        }
        default -> in.skipValue();
      }
    }
    if (keyNamed) {
      return "SSESpecification.KMSMasterKeyId";
    }
    return Boolean.FALSE.equals(enabled) && !typeNamed ? null : "SSESpecification";
  }

  static @Nullable OnDemandThroughputSpecification readOnDemandThroughput(JsonInput in) throws IOException {
    return readUnits(in, "MaxReadRequestUnits", "MaxWriteRequestUnits", OnDemandThroughputSpecification::new);
  }

  private static @Nullable WarmThroughputSpecification readWarmThroughput(JsonInput in) throws IOException {
    return readUnits(in, "ReadUnitsPerSecond", "WriteUnitsPerSecond", WarmThroughputSpecification::new);
  }

  /** A structure of a read and a write figure (null when it is JSON null; a figure left out is null). */
  private static <T> @Nullable T readUnits(JsonInput in, String read, String write, BiFunction<@Nullable Long, @Nullable Long, T> build)
      throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    Long readUnits = null;
    Long writeUnits = null;
    while (in.nextField()) {
      String field = in.fieldName();
      if (field.equals(read)) {
        readUnits = in.readLong();
      } else if (field.equals(write)) {
        writeUnits = in.readLong();
      } else {
        in.skipValue();
      }
    }
    return build.apply(readUnits, writeUnits);
  }

  private static @Nullable StreamSpecification readStreamSpecification(JsonInput in) throws IOException {
    Boolean enabled = null;
    Choice<StreamViewType> viewType = null;
    if (!in.beginStructure()) {
      return null;
    }
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "StreamEnabled" -> enabled = in.readBoolean();
        case "StreamViewType" -> viewType = in.readChoice(StreamViewType.class);
        default -> in.skipValue();
      }
    }
    return new StreamSpecification(enabled, viewType);
  }

  private static GlobalIndexUpdate readIndexUpdate(JsonInput in) throws IOException {
    SecondaryIndex create = null;
    DeleteIndex delete = null;
    UpdateIndex update = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "Create" -> create = readSecondaryIndex(in);
          case "Delete" -> delete = readDeleteIndex(in);
          case "Update" -> update = readUpdateIndex(in);
          default -> in.skipValue();
        }
      }
    }
    return new GlobalIndexUpdate(create, delete, update);
  }

  private static @Nullable DeleteIndex readDeleteIndex(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    String name = null;
    while (in.nextField()) {
      if (in.fieldName().equals("IndexName")) {
        name = in.readString();
      } else {
        in.skipValue();
      }
    }
    return new DeleteIndex(name);
  }

  private static @Nullable UpdateIndex readUpdateIndex(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    String name = null;
    Throughput throughput = null;
    OnDemandThroughputSpecification onDemand = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "IndexName" -> name = in.readString();
        case "ProvisionedThroughput" -> throughput = readThroughput(in);
        case "OnDemandThroughput" -> onDemand = readOnDemandThroughput(in);
        default -> in.skipValue();
      }
    }
    return new UpdateIndex(name, throughput, onDemand);
  }

  static SecondaryIndex readSecondaryIndex(JsonInput in) throws IOException {
    String name = null;
    List<KeySchemaElement> keys = null;
    Choice<ProjectionType> projectionType = null;
    List<String> nonKey = null;
    boolean projection = false;
    Throughput throughput = null;
    OnDemandThroughputSpecification onDemand = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "IndexName" -> name = in.readString();
          case "KeySchema" -> keys = in.readList(r -> readPair(r, "AttributeName", "KeyType",
            (attribute, type) -> new KeySchemaElement(attribute, Choice.of(type, KeyType.class))));
          case "ProvisionedThroughput" -> throughput = readThroughput(in);
          case "OnDemandThroughput" -> onDemand = readOnDemandThroughput(in);
          case "Projection" -> {
            projection = in.beginStructure();
            if (projection) {
              while (in.nextField()) {
                switch (in.fieldName()) {
                  case "ProjectionType" -> projectionType = in.readChoice(ProjectionType.class);
                  case "NonKeyAttributes" -> nonKey = in.readList(JsonInput::readString);
                  default -> in.skipValue();
                }
              }
            }
          }
          default -> in.skipValue();
        }
      }
    }
    return new SecondaryIndex(name, keys, projectionType, nonKey, projection, throughput, onDemand);
  }

  static @Nullable Throughput readThroughput(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    Long read = null;
    Long write = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ReadCapacityUnits" -> read = in.readLong();
        case "WriteCapacityUnits" -> write = in.readLong();
        default -> in.skipValue();
      }
    }
    return new Throughput(read, write);
  }

  /** Reads a structure of two string members (AttributeDefinition, KeySchemaElement, Tag). */
  static <T> T readPair(JsonInput in, String first, String second,
      BiFunction<String, String, T> build) throws IOException {
    String a = null;
    String b = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        String field = in.fieldName();
        if (field.equals(first)) {
          a = in.readString();
        } else if (field.equals(second)) {
          b = in.readString();
        } else {
          in.skipValue();
        }
      }
    }
    return build.apply(a, b);
  }

  /** Writes {@code {"<wrapper>": TableDescription}}: "TableDescription" or, for DescribeTable, "Table". */
  public static void writeDescription(JsonGenerator g, String wrapper, TableDescription d) throws IOException {
    TableMetadata t = d.table();
    g.writeStartObject();
    g.writeObjectFieldStart(wrapper);
    g.writeArrayFieldStart("AttributeDefinitions");
    for (KeyAttribute a : t.attributeDefinitions()) {
      g.writeStartObject();
      g.writeStringField("AttributeName", a.name());
      g.writeStringField("AttributeType", a.type().name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("TableName", t.name());
    g.writeArrayFieldStart("KeySchema");
    writeKey(g, t.keySchema().partitionKey(), "HASH");
    if (t.keySchema().sortKey().isPresent()) {
      writeKey(g, t.keySchema().sortKey().get(), "RANGE");
    }
    g.writeEndArray();
    g.writeStringField("TableStatus", d.status().name());
    writeInstant(g, "CreationDateTime", t.creationDateTime());
    writeThroughput(g, t.provisionedThroughput());
    g.writeNumberField("TableSizeBytes", d.tableSizeBytes());
    g.writeNumberField("ItemCount", d.itemCount());
    g.writeStringField("TableArn", d.tableArn());
    g.writeStringField("TableId", t.tableId());
    g.writeObjectFieldStart("BillingModeSummary");
    g.writeStringField("BillingMode", t.billingMode().name());
    if (t.lastUpdateToPayPerRequest().isPresent()) {
      writeInstant(g, "LastUpdateToPayPerRequestDateTime", t.lastUpdateToPayPerRequest().get());
    }
    g.writeEndObject();
    g.writeBooleanField("DeletionProtectionEnabled", t.deletionProtectionEnabled());
    writeIndexes(g, d, true);
    writeIndexes(g, d, false);
    if (t.stream() != null) {
      g.writeObjectFieldStart("StreamSpecification");
      g.writeBooleanField("StreamEnabled", true);
      g.writeStringField("StreamViewType", t.stream().viewType().name());
      g.writeEndObject();
    }
    if (d.latestStream() != null) {
      g.writeStringField("LatestStreamArn", d.latestStream().arn());
      g.writeStringField("LatestStreamLabel", d.latestStream().label());
    }
    writeOptions(g, t.options());
    writeReplicas(g, d);
    writeEncryption(g, d);
    if (t.options().restore().isPresent()) {
      writeRestoreSummary(g, t.options().restore().get());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The table's replicas in other regions, GlobalTableVersion, MultiRegionConsistency (version 2019.11.21) and
   * GlobalTableWitnesses (the witness of a table of strong consistency), for a table that has replicas or that is a
   * global table of version 2017.11.29 (one of those may be alone in its replication group).
   */
  private static void writeReplicas(JsonGenerator g, TableDescription d) throws IOException {
    Replication replication = d.table().options().replication().orElse(null);
    if (replication == null || (replication.replicas().isEmpty() && !replication.legacy())) {
      return;
    }
    g.writeStringField("GlobalTableVersion", replication.version().label());
    if (!replication.legacy()) {
      g.writeStringField("MultiRegionConsistency", replication.consistency().name());
    }
    if (replication.witness().isPresent()) {
      g.writeArrayFieldStart("GlobalTableWitnesses");
      g.writeStartObject();
      g.writeStringField("RegionName", replication.witness().get().region());
      g.writeStringField("WitnessStatus", replication.witness().get().status().name());
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeArrayFieldStart("Replicas");
    for (Replica replica : replication.replicas()) {
      g.writeStartObject();
      g.writeStringField("RegionName", replica.region());
      g.writeStringField("ReplicaStatus", replica.status().name());
      Integer percent = d.replicaPercentProgress().get(replica.region());
      if (percent != null) {
        g.writeStringField("ReplicaStatusPercentProgress", Integer.toString(percent));
      }
      ReplicaJson.writeOverrides(g, replica.overrides(), d.table().options().tableClass());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeRestoreSummary(JsonGenerator g, RestoreSummary summary) throws IOException {
    g.writeObjectFieldStart("RestoreSummary");
    if (summary.sourceBackupArn().isPresent()) {
      g.writeStringField("SourceBackupArn", summary.sourceBackupArn().get());
    }
    g.writeStringField("SourceTableArn", summary.sourceTableArn());
    writeInstant(g, "RestoreDateTime", summary.restoreDateTime());
    g.writeBooleanField("RestoreInProgress", summary.inProgress());
    g.writeEndObject();
  }

  /**
   * The options infrastructure tools read back. A table created without a class has no TableClassSummary (the AWS
   * provider for Terraform reads its absence as STANDARD); ShaleDB does not record whether the class was ever set, so
   * it leaves the summary out for every table of the standard class. The throughput bounds appear once set.
   */
  private static void writeOptions(JsonGenerator g, TableOptions options) throws IOException {
    if (options.tableClass() != TableClass.STANDARD) {
      g.writeObjectFieldStart("TableClassSummary");
      g.writeStringField("TableClass", options.tableClass().name());
      g.writeEndObject();
    }
    writeOnDemandThroughput(g, options.onDemandThroughput());
    if (options.warmThroughput().isPresent()) {
      g.writeObjectFieldStart("WarmThroughput");
      g.writeNumberField("ReadUnitsPerSecond", options.warmThroughput().get().readUnitsPerSecond());
      g.writeNumberField("WriteUnitsPerSecond", options.warmThroughput().get().writeUnitsPerSecond());
      g.writeStringField("Status", "ACTIVE");
      g.writeEndObject();
    }
  }

  /**
   * DeleteTable's answer: the table as DELETING, with only the members DynamoDB's DeleteTable responses carry (recorded
   * responses of the service and the AWS CLI's example): no attribute definitions, key schema, creation time, indexes
   * or stream, and the throughput without its dates.
   */
  public static void writeDeletedDescription(JsonGenerator g, TableDescription d) throws IOException {
    TableMetadata t = d.table();
    g.writeStartObject();
    g.writeObjectFieldStart("TableDescription");
    g.writeStringField("TableName", t.name());
    g.writeStringField("TableStatus", d.status().name());
    g.writeObjectFieldStart("ProvisionedThroughput");
    g.writeNumberField("NumberOfDecreasesToday", t.provisionedThroughput().numberOfDecreasesToday());
    g.writeNumberField("ReadCapacityUnits", t.provisionedThroughput().readCapacityUnits());
    g.writeNumberField("WriteCapacityUnits", t.provisionedThroughput().writeCapacityUnits());
    g.writeEndObject();
    g.writeNumberField("TableSizeBytes", d.tableSizeBytes());
    g.writeNumberField("ItemCount", d.itemCount());
    g.writeStringField("TableArn", d.tableArn());
    g.writeStringField("TableId", t.tableId());
    if (t.billingMode() == BillingMode.PAY_PER_REQUEST) {
      g.writeObjectFieldStart("BillingModeSummary");
      g.writeStringField("BillingMode", t.billingMode().name());
      g.writeEndObject();
    }
    g.writeBooleanField("DeletionProtectionEnabled", t.deletionProtectionEnabled());
    writeEncryption(g, d);
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A table encrypted at rest under the master key, described as DynamoDB describes one under a KMS key. */
  private static void writeEncryption(JsonGenerator g, TableDescription d) throws IOException {
    if (d.encryptionKeyArn() != null) {
      g.writeObjectFieldStart("SSEDescription");
      g.writeStringField("Status", "ENABLED");
      g.writeStringField("SSEType", "KMS");
      g.writeStringField("KMSMasterKeyArn", d.encryptionKeyArn());
      g.writeEndObject();
    }
  }

  static void writeOnDemandThroughput(JsonGenerator g, Optional<OnDemandThroughput> onDemand)
      throws IOException {
    if (onDemand.isPresent()) {
      g.writeObjectFieldStart("OnDemandThroughput");
      g.writeNumberField("MaxReadRequestUnits", onDemand.get().maxReadRequestUnits());
      g.writeNumberField("MaxWriteRequestUnits", onDemand.get().maxWriteRequestUnits());
      g.writeEndObject();
    }
  }

  private static void writeIndexes(JsonGenerator g, TableDescription d, boolean local) throws IOException {
    List<IndexMetadata> indexes = d.table().indexes().stream().filter(i -> i.local() == local).toList();
    if (indexes.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(local ? "LocalSecondaryIndexes" : "GlobalSecondaryIndexes");
    for (IndexMetadata index : indexes) {
      g.writeStartObject();
      g.writeStringField("IndexName", index.name());
      g.writeArrayFieldStart("KeySchema");
      for (KeyAttribute key : index.keySchema().partitionKeys()) {
        writeKey(g, key, "HASH");
      }
      for (KeyAttribute key : index.keySchema().sortKeys()) {
        writeKey(g, key, "RANGE");
      }
      g.writeEndArray();
      writeProjection(g, index);
      if (!local) {
        g.writeStringField("IndexStatus", index.status().name());
        if (index.status() == IndexMetadata.IndexStatus.CREATING) {
          g.writeBooleanField("Backfilling", true);
        }
        writeThroughput(g, index.provisionedThroughput());
        writeOnDemandThroughput(g, index.onDemandThroughput());
      }
      g.writeNumberField("IndexSizeBytes", d.indexSizeBytes().getOrDefault(index.name(), 0L));
      g.writeNumberField("ItemCount", d.indexItemCounts().getOrDefault(index.name(), 0L));
      g.writeStringField("IndexArn", d.tableArn() + "/index/" + index.name());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  public static void writeListTables(JsonGenerator g, ListTablesOutput out) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("TableNames");
    for (String name : out.tableNames()) {
      g.writeString(name);
    }
    g.writeEndArray();
    if (out.lastEvaluatedTableName() != null) {
      g.writeStringField("LastEvaluatedTableName", out.lastEvaluatedTableName());
    }
    g.writeEndObject();
  }

  public static void writeTags(JsonGenerator g, ListTagsOfResourceOutput out) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Tags");
    for (Map.Entry<String, String> tag : out.tags().entrySet()) {
      g.writeStartObject();
      g.writeStringField("Key", tag.getKey());
      g.writeStringField("Value", tag.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  public static void writeEmpty(JsonGenerator g, Object ignored) throws IOException {
    g.writeStartObject();
    g.writeEndObject();
  }

  public static void writeLimits(JsonGenerator g, DescribeLimitsOutput limits) throws IOException {
    g.writeStartObject();
    g.writeNumberField("AccountMaxReadCapacityUnits", limits.accountMaxReadCapacityUnits());
    g.writeNumberField("AccountMaxWriteCapacityUnits", limits.accountMaxWriteCapacityUnits());
    g.writeNumberField("TableMaxReadCapacityUnits", limits.tableMaxReadCapacityUnits());
    g.writeNumberField("TableMaxWriteCapacityUnits", limits.tableMaxWriteCapacityUnits());
    g.writeEndObject();
  }

  /** DescribeEndpoints names this server itself, so clients using endpoint discovery stay here. */
  public static void writeEndpoints(JsonGenerator g, String address) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Endpoints");
    g.writeStartObject();
    g.writeStringField("Address", address);
    g.writeNumberField("CachePeriodInMinutes", 1440);
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeProjection(JsonGenerator g, IndexMetadata index) throws IOException {
    g.writeObjectFieldStart("Projection");
    g.writeStringField("ProjectionType", index.projectionType().name());
    if (!index.nonKeyAttributes().isEmpty()) {
      g.writeArrayFieldStart("NonKeyAttributes");
      for (String attribute : index.nonKeyAttributes()) {
        g.writeString(attribute);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static void writeKey(JsonGenerator g, KeyAttribute key, String type) throws IOException {
    g.writeStartObject();
    g.writeStringField("AttributeName", key.name());
    g.writeStringField("KeyType", type);
    g.writeEndObject();
  }

  static void writeThroughput(JsonGenerator g, ProvisionedThroughput p) throws IOException {
    g.writeObjectFieldStart("ProvisionedThroughput");
    if (p.lastIncreaseDateTime().isPresent()) {
      writeInstant(g, "LastIncreaseDateTime", p.lastIncreaseDateTime().get());
    }
    if (p.lastDecreaseDateTime().isPresent()) {
      writeInstant(g, "LastDecreaseDateTime", p.lastDecreaseDateTime().get());
    }
    g.writeNumberField("NumberOfDecreasesToday", p.numberOfDecreasesToday());
    g.writeNumberField("ReadCapacityUnits", p.readCapacityUnits());
    g.writeNumberField("WriteCapacityUnits", p.writeCapacityUnits());
    g.writeEndObject();
  }

  /** DynamoDB's timestamps: epoch seconds with a fraction. */
  static void writeInstant(JsonGenerator g, String field, Instant instant) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(BigDecimal.valueOf(instant.toEpochMilli(), 3));
  }
}
