package io.shaledb.core.catalog;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.schema.GlobalTableVersion;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.MultiRegionConsistency;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.ReplicaOverrides;
import io.shaledb.core.schema.ReplicaOverrides.IndexOverride;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.schema.RestoreSummary;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamSettings;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.schema.TimeToLive;
import io.shaledb.core.schema.WarmThroughput;
import io.shaledb.core.schema.Witness;
import io.shaledb.core.schema.WitnessStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored form of {@link TableMetadata}. It starts with a format version; a new field means a new version whose
 * reader still accepts the older ones.
 */
public final class TableMetadataCodec {
  /**
   * Version 2 added secondary indexes, version 3 the stream and time to live, version 4 when time to live last
   * changed (older tables have none), version 5 index keys of several partition and sort attributes (older indexes
   * have one partition attribute and at most one sort attribute), version 6 the {@link TableOptions} (older tables
   * have the defaults), version 7 a restored table's {@link RestoreSummary} (older tables were never restored),
   * version 8 point-in-time recovery (off in older tables), version 9 replication to other regions (older tables
   * have no replicas), version 10 a global index's OnDemandThroughput (never set in older indexes) and the region still
   * filling a replica (older replicas are filled), version 11 the global table version (older replications are of
   * version 2019.11.21), version 12 the replicas' overrides (older replicas have none), version 13 the multi-region
   * consistency and the witness (older replications are EVENTUAL, without a witness).
   */
  private static final int VERSION = 13;

  private TableMetadataCodec() {}

  public static byte[] encode(TableMetadata table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(table.name());
      out.writeInt(table.keyspace());
      out.writeUTF(table.tableId());
      writeKey(out, table.keySchema().partitionKey());
      out.writeBoolean(table.keySchema().sortKey().isPresent());
      if (table.keySchema().sortKey().isPresent()) {
        writeKey(out, table.keySchema().sortKey().get());
      }
      out.writeShort(table.attributeDefinitions().size());
      for (KeyAttribute definition : table.attributeDefinitions()) {
        writeKey(out, definition);
      }
      out.writeByte(table.billingMode().ordinal());
      ProvisionedThroughput throughput = table.provisionedThroughput();
      out.writeLong(throughput.readCapacityUnits());
      out.writeLong(throughput.writeCapacityUnits());
      writeInstant(out, throughput.lastIncreaseDateTime());
      writeInstant(out, throughput.lastDecreaseDateTime());
      out.writeInt(throughput.numberOfDecreasesToday());
      writeInstant(out, table.lastUpdateToPayPerRequest());
      writeInstant(out, Optional.of(table.creationDateTime()));
      out.writeShort(table.tags().size());
      for (Map.Entry<String, String> tag : table.tags().entrySet()) {
        out.writeUTF(tag.getKey());
        out.writeUTF(tag.getValue());
      }
      out.writeBoolean(table.deletionProtectionEnabled());
      out.writeShort(table.indexes().size());
      for (IndexMetadata index : table.indexes()) {
        writeIndex(out, index);
      }
      StreamSettings stream = table.stream();
      out.writeBoolean(stream != null);
      if (stream != null) {
        out.writeUTF(stream.viewType().name());
        out.writeInt(stream.keyspace());
        out.writeUTF(stream.label());
        out.writeLong(stream.created().toEpochMilli());
      }
      out.writeBoolean(table.timeToLiveAttribute() != null);
      if (table.timeToLiveAttribute() != null) {
        out.writeUTF(table.timeToLiveAttribute());
      }
      writeInstant(out, table.timeToLive().lastChanged());
      writeOptions(out, table.options());
      writeRestore(out, table.options().restore());
      writePointInTimeRecovery(out, table.options().pointInTimeRecovery());
      writeReplication(out, table.options().replication());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static TableMetadata decode(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int version = in.readUnsignedByte();
      if (version < 1 || version > VERSION) {
        throw new IllegalStateException("unknown table metadata format version " + version);
      }
      String name = in.readUTF();
      int keyspace = in.readInt();
      String tableId = in.readUTF();
      KeyAttribute partitionKey = readKey(in);
      KeyAttribute sortKey = in.readBoolean() ? readKey(in) : null;
      int definitionCount = in.readUnsignedShort();
      List<KeyAttribute> definitions = new ArrayList<>(definitionCount);
      for (int i = 0; i < definitionCount; i++) {
        definitions.add(readKey(in));
      }
      BillingMode billingMode = BillingMode.values()[in.readUnsignedByte()];
      ProvisionedThroughput throughput = new ProvisionedThroughput(
          in.readLong(), in.readLong(), readInstant(in), readInstant(in), in.readInt());
      Optional<Instant> payPerRequestSince = readInstant(in);
      Instant created = readInstant(in).orElseThrow();
      int tagCount = in.readUnsignedShort();
      Map<String, String> tags = new LinkedHashMap<>();
      for (int i = 0; i < tagCount; i++) {
        tags.put(in.readUTF(), in.readUTF());
      }
      boolean deletionProtection = in.readBoolean();
      List<IndexMetadata> indexes = new ArrayList<>();
      if (version >= 2) {
        int indexCount = in.readUnsignedShort();
        for (int i = 0; i < indexCount; i++) {
          indexes.add(readIndex(in, version));
        }
      }
      StreamSettings stream = null;
      Optional<String> timeToLiveAttribute = Optional.empty();
      if (version >= 3) {
        if (in.readBoolean()) {
          stream = new StreamSettings(StreamViewType.valueOf(in.readUTF()), in.readInt(), in.readUTF(),
              Instant.ofEpochMilli(in.readLong()));
        }
        if (in.readBoolean()) {
          timeToLiveAttribute = Optional.of(in.readUTF());
        }
      }
      TimeToLive timeToLive = new TimeToLive(timeToLiveAttribute,
          version >= 4 ? readInstant(in) : Optional.empty());
      TableOptions options = version >= 6 ? readOptions(in) : TableOptions.DEFAULTS;
      if (version >= 7 && in.readBoolean()) {
        Optional<String> backup = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
        options = options.withRestore(Optional.of(new RestoreSummary(backup, in.readUTF(),
            Instant.ofEpochMilli(in.readLong()), in.readBoolean())));
      }
      if (version >= 8 && in.readBoolean()) {
        options = options.withPointInTimeRecovery(Optional.of(new PointInTimeRecovery(in.readInt(),
            Instant.ofEpochMilli(in.readLong()), in.readUnsignedByte())));
      }
      if (version >= 9 && in.readBoolean()) {
        options = options.withReplication(Optional.of(readReplication(in, version)));
      }
      return new TableMetadata(
          name, keyspace, tableId, KeySchema.of(partitionKey, sortKey), definitions, billingMode, throughput,
          payPerRequestSince, created, tags, deletionProtection, indexes, stream, timeToLive, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeOptions(DataOutputStream out, TableOptions options) throws IOException {
    out.writeByte(options.tableClass().ordinal());
    out.writeBoolean(options.onDemandThroughput().isPresent());
    if (options.onDemandThroughput().isPresent()) {
      out.writeLong(options.onDemandThroughput().get().maxReadRequestUnits());
      out.writeLong(options.onDemandThroughput().get().maxWriteRequestUnits());
    }
    out.writeBoolean(options.warmThroughput().isPresent());
    if (options.warmThroughput().isPresent()) {
      out.writeLong(options.warmThroughput().get().readUnitsPerSecond());
      out.writeLong(options.warmThroughput().get().writeUnitsPerSecond());
    }
    out.writeBoolean(options.tableInsights().isPresent());
    if (options.tableInsights().isPresent()) {
      writeInsights(out, options.tableInsights().get());
    }
    out.writeShort(options.indexInsights().size());
    for (Map.Entry<String, ContributorInsights> index : options.indexInsights().entrySet()) {
      out.writeUTF(index.getKey());
      writeInsights(out, index.getValue());
    }
    out.writeShort(options.kinesisDestinations().size());
    for (KinesisDestination destination : options.kinesisDestinations()) {
      out.writeUTF(destination.streamArn());
      out.writeByte(destination.status().ordinal());
      out.writeByte(destination.precision().ordinal());
    }
    out.writeBoolean(options.resourcePolicy().isPresent());
    if (options.resourcePolicy().isPresent()) {
      // A policy may be longer than writeUTF's 64 KiB of modified UTF-8 once its characters are encoded.
      byte[] document = options.resourcePolicy().get().document().getBytes(StandardCharsets.UTF_8);
      out.writeInt(document.length);
      out.write(document);
      out.writeUTF(options.resourcePolicy().get().revisionId());
    }
  }

  private static void writePointInTimeRecovery(DataOutputStream out, Optional<PointInTimeRecovery> recovery)
      throws IOException {
    out.writeBoolean(recovery.isPresent());
    if (recovery.isPresent()) {
      out.writeInt(recovery.get().historyKeyspace());
      out.writeLong(recovery.get().enabledAt().toEpochMilli());
      out.writeByte(recovery.get().recoveryPeriodDays());
    }
  }

  private static void writeReplication(DataOutputStream out, Optional<Replication> replication) throws IOException {
    out.writeBoolean(replication.isPresent());
    if (replication.isPresent()) {
      out.writeInt(replication.get().stampKeyspace());
      out.writeLong(replication.get().since().toEpochMilli());
      out.writeShort(replication.get().replicas().size());
      for (Replica replica : replication.get().replicas()) {
        out.writeUTF(replica.region());
        out.writeByte(replica.status().ordinal());
      }
      String fillingFrom = replication.get().fillingFrom();
      out.writeBoolean(fillingFrom != null);
      if (fillingFrom != null) {
        out.writeUTF(fillingFrom);
      }
      out.writeByte(replication.get().version().ordinal());
      writeOverrides(out, replication.get().overrides());
      for (Replica replica : replication.get().replicas()) {
        writeOverrides(out, replica.overrides());
      }
      out.writeByte(replication.get().consistency().ordinal());
      Optional<Witness> witness = replication.get().witness();
      out.writeBoolean(witness.isPresent());
      if (witness.isPresent()) {
        out.writeUTF(witness.get().region());
        out.writeByte(witness.get().status().ordinal());
      }
    }
  }

  private static void writeOverrides(DataOutputStream out, ReplicaOverrides overrides) throws IOException {
    writeOptionalLong(out, overrides.readCapacityUnits());
    writeOptionalLong(out, overrides.maxReadRequestUnits());
    out.writeShort(overrides.indexes().size());
    for (Map.Entry<String, IndexOverride> index : new TreeMap<>(overrides.indexes()).entrySet()) {
      out.writeUTF(index.getKey());
      writeOptionalLong(out, index.getValue().readCapacityUnits());
      writeOptionalLong(out, index.getValue().maxReadRequestUnits());
    }
    out.writeBoolean(overrides.tableClass().isPresent());
    if (overrides.tableClass().isPresent()) {
      out.writeByte(overrides.tableClass().get().ordinal());
    }
    out.writeBoolean(overrides.kmsMasterKeyId().isPresent());
    if (overrides.kmsMasterKeyId().isPresent()) {
      out.writeUTF(overrides.kmsMasterKeyId().get());
    }
  }

  private static ReplicaOverrides readOverrides(DataInputStream in) throws IOException {
    Optional<Long> read = readOptionalLong(in);
    Optional<Long> maxRead = readOptionalLong(in);
    int count = in.readUnsignedShort();
    Map<String, IndexOverride> indexes = new HashMap<>();
    for (int i = 0; i < count; i++) {
      indexes.put(in.readUTF(), new IndexOverride(readOptionalLong(in), readOptionalLong(in)));
    }
    Optional<TableClass> tableClass = in.readBoolean() ? Optional.of(TableClass.values()[in.readUnsignedByte()])
        : Optional.empty();
    Optional<String> key = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    return new ReplicaOverrides(read, maxRead, indexes, tableClass, key);
  }

  private static void writeOptionalLong(DataOutputStream out, Optional<Long> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      out.writeLong(value.get());
    }
  }

  private static Optional<Long> readOptionalLong(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(in.readLong()) : Optional.empty();
  }

  private static Replication readReplication(DataInputStream in, int version) throws IOException {
    int stampKeyspace = in.readInt();
    Instant since = Instant.ofEpochMilli(in.readLong());
    int count = in.readUnsignedShort();
    List<Replica> replicas = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      replicas.add(new Replica(in.readUTF(), Replica.ReplicaStatus.values()[in.readUnsignedByte()]));
    }
    String fillingFrom = version >= 10 && in.readBoolean() ? in.readUTF() : null;
    GlobalTableVersion globalVersion = version >= 11 ? GlobalTableVersion.values()[in.readUnsignedByte()]
        : GlobalTableVersion.V2019_11_21;
    if (version < 12) {
      return new Replication(stampKeyspace, since, replicas, fillingFrom, globalVersion);
    }
    ReplicaOverrides own = readOverrides(in);
    List<Replica> withOverrides = new ArrayList<>(count);
    for (Replica replica : replicas) {
      withOverrides.add(replica.withOverrides(readOverrides(in)));
    }
    if (version < 13) {
      return new Replication(stampKeyspace, since, withOverrides, fillingFrom, globalVersion, own);
    }
    MultiRegionConsistency consistency = MultiRegionConsistency.values()[in.readUnsignedByte()];
    Optional<Witness> witness = in.readBoolean()
        ? Optional.of(new Witness(in.readUTF(), WitnessStatus.values()[in.readUnsignedByte()])) : Optional.empty();
    return new Replication(stampKeyspace, since, withOverrides, fillingFrom, globalVersion, own, consistency,
        witness);
  }

  private static void writeRestore(DataOutputStream out, Optional<RestoreSummary> restore) throws IOException {
    out.writeBoolean(restore.isPresent());
    if (restore.isPresent()) {
      RestoreSummary summary = restore.get();
      out.writeBoolean(summary.sourceBackupArn().isPresent());
      if (summary.sourceBackupArn().isPresent()) {
        out.writeUTF(summary.sourceBackupArn().get());
      }
      out.writeUTF(summary.sourceTableArn());
      out.writeLong(summary.restoreDateTime().toEpochMilli());
      out.writeBoolean(summary.inProgress());
    }
  }

  private static TableOptions readOptions(DataInputStream in) throws IOException {
    TableClass tableClass = TableClass.values()[in.readUnsignedByte()];
    Optional<OnDemandThroughput> onDemand = in.readBoolean()
        ? Optional.of(new OnDemandThroughput(in.readLong(), in.readLong())) : Optional.empty();
    Optional<WarmThroughput> warm = in.readBoolean()
        ? Optional.of(new WarmThroughput(in.readLong(), in.readLong())) : Optional.empty();
    Optional<ContributorInsights> tableInsights = in.readBoolean() ? Optional.of(readInsights(in)) : Optional.empty();
    int indexCount = in.readUnsignedShort();
    Map<String, ContributorInsights> indexInsights = new LinkedHashMap<>();
    for (int i = 0; i < indexCount; i++) {
      indexInsights.put(in.readUTF(), readInsights(in));
    }
    int destinationCount = in.readUnsignedShort();
    List<KinesisDestination> destinations = new ArrayList<>(destinationCount);
    for (int i = 0; i < destinationCount; i++) {
      destinations.add(new KinesisDestination(in.readUTF(), KinesisDestination.Status.values()[in.readUnsignedByte()],
          KinesisDestination.Precision.values()[in.readUnsignedByte()]));
    }
    Optional<ResourcePolicy> policy = Optional.empty();
    if (in.readBoolean()) {
      byte[] document = new byte[in.readInt()];
      in.readFully(document);
      policy = Optional.of(new ResourcePolicy(new String(document, StandardCharsets.UTF_8), in.readUTF()));
    }
    return new TableOptions(tableClass, onDemand, warm, tableInsights, indexInsights, destinations, policy,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static void writeInsights(DataOutputStream out, ContributorInsights insights) throws IOException {
    out.writeByte(insights.mode().ordinal());
    out.writeLong(insights.lastUpdated().toEpochMilli());
  }

  private static ContributorInsights readInsights(DataInputStream in) throws IOException {
    return new ContributorInsights(ContributorInsights.Mode.values()[in.readUnsignedByte()],
        Instant.ofEpochMilli(in.readLong()));
  }

  private static void writeIndex(DataOutputStream out, IndexMetadata index) throws IOException {
    out.writeUTF(index.name());
    out.writeInt(index.keyspace());
    out.writeBoolean(index.local());
    writeKeys(out, index.keySchema().partitionKeys());
    writeKeys(out, index.keySchema().sortKeys());
    out.writeByte(index.projectionType().ordinal());
    out.writeShort(index.nonKeyAttributes().size());
    for (String attribute : index.nonKeyAttributes()) {
      out.writeUTF(attribute);
    }
    out.writeByte(index.status().ordinal());
    out.writeLong(index.provisionedThroughput().readCapacityUnits());
    out.writeLong(index.provisionedThroughput().writeCapacityUnits());
    out.writeLong(index.creationDateTime().toEpochMilli());
    out.writeBoolean(index.onDemandThroughput().isPresent());
    if (index.onDemandThroughput().isPresent()) {
      out.writeLong(index.onDemandThroughput().get().maxReadRequestUnits());
      out.writeLong(index.onDemandThroughput().get().maxWriteRequestUnits());
    }
  }

  private static IndexMetadata readIndex(DataInputStream in, int version) throws IOException {
    String name = in.readUTF();
    int keyspace = in.readInt();
    boolean local = in.readBoolean();
    KeySchema keySchema = version >= 5 ? new KeySchema(readKeys(in), readKeys(in))
        : KeySchema.of(readKey(in), in.readBoolean() ? readKey(in) : null);
    IndexMetadata.ProjectionType projection = IndexMetadata.ProjectionType.values()[in.readUnsignedByte()];
    int attributeCount = in.readUnsignedShort();
    List<String> attributes = new ArrayList<>(attributeCount);
    for (int i = 0; i < attributeCount; i++) {
      attributes.add(in.readUTF());
    }
    IndexMetadata.IndexStatus status = IndexMetadata.IndexStatus.values()[in.readUnsignedByte()];
    ProvisionedThroughput throughput = ProvisionedThroughput.of(in.readLong(), in.readLong());
    Instant created = Instant.ofEpochMilli(in.readLong());
    Optional<OnDemandThroughput> onDemand = version >= 10 && in.readBoolean()
        ? Optional.of(new OnDemandThroughput(in.readLong(), in.readLong())) : Optional.empty();
    return new IndexMetadata(name, keyspace, local, keySchema, projection, attributes, status, throughput, created,
        onDemand);
  }

  private static void writeKey(DataOutputStream out, KeyAttribute key) throws IOException {
    out.writeUTF(key.name());
    out.writeByte(key.type().ordinal());
  }

  private static void writeKeys(DataOutputStream out, List<KeyAttribute> keys) throws IOException {
    out.writeByte(keys.size());
    for (KeyAttribute key : keys) {
      writeKey(out, key);
    }
  }

  private static List<KeyAttribute> readKeys(DataInputStream in) throws IOException {
    int count = in.readUnsignedByte();
    List<KeyAttribute> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(readKey(in));
    }
    return keys;
  }

  private static KeyAttribute readKey(DataInputStream in) throws IOException {
    return new KeyAttribute(in.readUTF(), ScalarType.values()[in.readUnsignedByte()]);
  }

  private static void writeInstant(DataOutputStream out, Optional<Instant> instant) throws IOException {
    out.writeLong(instant.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
  }

  private static Optional<Instant> readInstant(DataInputStream in) throws IOException {
    long millis = in.readLong();
    return millis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}
