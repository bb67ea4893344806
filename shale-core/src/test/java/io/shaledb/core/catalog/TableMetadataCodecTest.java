package io.shaledb.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.schema.GlobalTableVersion;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
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
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.schema.TimeToLive;
import io.shaledb.core.schema.WarmThroughput;
import io.shaledb.core.schema.Witness;
import io.shaledb.core.schema.WitnessStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stored table format: every older version still reads, and the current one round-trips every key shape. */
class TableMetadataCodecTest {
  private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

  /**
   * {@link #music()} as format version 4 wrote it (before index keys of several attributes), captured from that
   * version's encoder.
   */
  private static final String MUSIC_VERSION_4 = "0400056d757369630000000a002430663866616435622d643963622d34363966"
      + "2d613136352d3730383637373238393530650002706b00010002736b0100040002706b000002736b0100016c0200016701010000"
      + "000000000000000000000000000080000000000000008000000000000000000000000000019de2fb19000000019de2fb19000001"
      + "00047465616d000161010002000462792d6c0000000b010002706b000100016c0202000200017800017903000000000000000000"
      + "000000000000000000019de2fb1900000462792d670000000c000001670100010000000000000000000003000000000000000400"
      + "00019de2fb1900000100036578700000019de2fb1900";

  /** {@link #music()} as format version 5 wrote it (before the table options), captured from that version's encoder. */
  private static final String MUSIC_VERSION_5 =
      "0500056d757369630000000a002430663866616435622d643963622d343639662d613136352d3730383637373238393530650002"
      + "706b00010002736b0100040002706b000002736b0100016c02000167010100000000000000000000000000000000800000000000"
      + "00008000000000000000000000000000019de2fb19000000019de2fb1900000100047465616d000161010002000462792d6c0000"
      + "000b01010002706b000100016c0202000200017800017903000000000000000000000000000000000000019de2fb190000046279"
      + "2d670000000c0001000167010001000000000000000000000300000000000000040000019de2fb1900000100036578700000019d"
      + "e2fb1900";

  /** The bytes of {@link ReplicaOverrides#NONE}: two absent markers, an empty index count, two absent markers. */
  private static final int NO_OVERRIDES = 1 + 1 + 2 + 1 + 1;

  /** The bytes version 13 adds to an EVENTUAL replication: the consistency and an absent witness marker. */
  private static final int EVENTUAL_WITHOUT_WITNESS = 1 + 1;

  /**
   * {@link #music()} as format version 7 wrote it (before point-in-time recovery): version 5's fields, then the
   * default table options (class STANDARD, no throughput bounds, no insights, no destinations, no policy) and no
   * restore summary.
   */
  private static final String MUSIC_VERSION_7 = "07" + MUSIC_VERSION_5.substring(2) + "00".repeat(12);

  private static KeyAttribute key(String name, ScalarType type) {
    return new KeyAttribute(name, type);
  }

  private static TableMetadata music() {
    IndexMetadata local = new IndexMetadata("by-l", 11, true, KeySchema.of(key("pk", ScalarType.S),
        key("l", ScalarType.B)), ProjectionType.INCLUDE, List.of("x", "y"), IndexStatus.ACTIVE,
        ProvisionedThroughput.ON_DEMAND, AT);
    IndexMetadata global = new IndexMetadata("by-g", 12, false, KeySchema.of(key("g", ScalarType.N), null),
        ProjectionType.KEYS_ONLY, List.of(), IndexStatus.CREATING, ProvisionedThroughput.of(3, 4), AT);
    return new TableMetadata("music", 10, "0f8fad5b-d9cb-469f-a165-70867728950e",
        KeySchema.of(key("pk", ScalarType.S), key("sk", ScalarType.N)),
        List.of(key("pk", ScalarType.S), key("sk", ScalarType.N), key("l", ScalarType.B), key("g", ScalarType.N)),
        BillingMode.PAY_PER_REQUEST, ProvisionedThroughput.ON_DEMAND, Optional.of(AT), AT, Map.of("team", "a"), true,
        List.of(local, global), null, TimeToLive.enabled("exp", AT), TableOptions.DEFAULTS);
  }

  @Test
  void decode_version4Table_readsItsIndexesAsKeysOfOneAttributeEach() {
    TableMetadata decoded = TableMetadataCodec.decode(HexFormat.of().parseHex(MUSIC_VERSION_4));

    assertThat(decoded).isEqualTo(music());
    assertThat(decoded.index("by-g").keySchema().sortKeys()).isEmpty();
  }

  @Test
  void encode_multiAttributeIndexKey_roundTripsEveryAttributeInOrder() {
    KeySchema multi = new KeySchema(
        List.of(key("h1", ScalarType.S), key("h2", ScalarType.N), key("h3", ScalarType.B), key("h4", ScalarType.S)),
        List.of(key("r1", ScalarType.N), key("r2", ScalarType.S), key("r3", ScalarType.B), key("r4", ScalarType.N)));
    IndexMetadata index = new IndexMetadata("multi", 13, false, multi, ProjectionType.ALL, List.of(),
        IndexStatus.ACTIVE, ProvisionedThroughput.ON_DEMAND, AT);
    TableMetadata table = music().withIndexes(List.of(music().index("by-l"), index));

    TableMetadata decoded = TableMetadataCodec.decode(TableMetadataCodec.encode(table));

    assertThat(decoded).isEqualTo(table);
    assertThat(decoded.index("multi").keySchema().attributes()).extracting(KeyAttribute::name)
        .containsExactly("h1", "h2", "h3", "h4", "r1", "r2", "r3", "r4");
  }

  @Test
  void decode_version5Table_hasTheDefaultOptions() {
    TableMetadata decoded = TableMetadataCodec.decode(HexFormat.of().parseHex(MUSIC_VERSION_5));

    assertThat(decoded).isEqualTo(music());
    assertThat(decoded.options()).isEqualTo(TableOptions.DEFAULTS);
  }

  @Test
  void decode_version7Table_hasPointInTimeRecoveryOff() {
    TableMetadata decoded = TableMetadataCodec.decode(HexFormat.of().parseHex(MUSIC_VERSION_7));

    assertThat(decoded).isEqualTo(music());
    assertThat(decoded.options().pointInTimeRecovery()).isEmpty();
  }

  @Test
  void decode_version9Table_hasIndexesWithoutOnDemandThroughput() {
    // Versions 8 and 9 each added one absent-marker at the end: point-in-time recovery and replication.
    String version9 = "09" + MUSIC_VERSION_7.substring(2) + "0000";

    TableMetadata decoded = TableMetadataCodec.decode(HexFormat.of().parseHex(version9));

    assertThat(decoded).isEqualTo(music());
    assertThat(decoded.index("by-g").onDemandThroughput()).isEmpty();
  }

  @Test
  void encode_globalIndexOnDemandThroughput_roundTrips() {
    IndexMetadata capped = music().index("by-g").withThroughput(ProvisionedThroughput.ON_DEMAND,
        Optional.of(new OnDemandThroughput(OnDemandThroughput.UNBOUNDED, 25)));
    TableMetadata table = music().withIndexes(List.of(music().index("by-l"), capped));

    assertThat(TableMetadataCodec.decode(TableMetadataCodec.encode(table))).isEqualTo(table);
  }

  @Test
  void encode_everyOption_roundTrips() {
    TableOptions options = new TableOptions(TableClass.STANDARD_INFREQUENT_ACCESS,
        Optional.of(new OnDemandThroughput(OnDemandThroughput.UNBOUNDED, 40)),
        Optional.of(new WarmThroughput(15_000, 5_000)),
        Optional.of(new ContributorInsights(ContributorInsights.Mode.THROTTLED_KEYS, AT)),
        Map.of("by-g", new ContributorInsights(ContributorInsights.Mode.ACCESSED_AND_THROTTLED_KEYS, AT)),
        List.of(new KinesisDestination("arn:aws:kinesis:us-east-1:000000000000:stream/s",
            KinesisDestination.Status.ENABLE_FAILED, KinesisDestination.Precision.MICROSECOND)),
        Optional.of(new ResourcePolicy("{\"Version\":\"2012-10-17\",\"Sid\":\"\u00e9\uD83D\uDE00\"}",
            "1780308000000")),
        Optional.of(new RestoreSummary(Optional.of("arn:aws:dynamodb:us-east-1:000000000000:table/Music/backup/"
            + "01780308000000-0a1b2c3d"), "arn:aws:dynamodb:us-east-1:000000000000:table/Music", AT, true)),
        Optional.of(new PointInTimeRecovery(42, AT, 7)),
        Optional.of(new Replication(43, AT, List.of(new Replica("eu-west-1", Replica.ReplicaStatus.ACTIVE),
            new Replica("ap-south-1", Replica.ReplicaStatus.CREATING)), "eu-west-1", GlobalTableVersion.V2017_11_29)));
    TableMetadata table = music().withOptions(options);

    assertThat(TableMetadataCodec.decode(TableMetadataCodec.encode(table))).isEqualTo(table);
  }

  @Test
  void decode_version9Replica_isFilled() {
    // Without indexes: version 10 also adds a marker to each index (its OnDemandThroughput).
    TableMetadata replica = music().withIndexes(List.of()).withOptions(TableOptions.DEFAULTS.withReplication(
        Optional.of(new Replication(43, AT, List.of(new Replica("eu-west-1", Replica.ReplicaStatus.ACTIVE)), null))));
    byte[] current = TableMetadataCodec.encode(replica);
    // Version 9 wrote the same fields but the last two: version 10 adds whether a region fills the replica (false
    // here), version 11 the global table version, and version 12 the overrides after them.
    byte[] version9 = Arrays.copyOf(current, current.length - 2 - NO_OVERRIDES * 2 - EVENTUAL_WITHOUT_WITNESS);
    version9[0] = 9;

    assertThat(TableMetadataCodec.decode(version9)).isEqualTo(replica);
  }

  @Test
  void decode_version10Replication_isOfVersion2019() {
    TableMetadata replica = music().withOptions(TableOptions.DEFAULTS.withReplication(Optional.of(new Replication(43,
        AT, List.of(new Replica("eu-west-1", Replica.ReplicaStatus.ACTIVE)), "eu-west-1"))));
    byte[] current = TableMetadataCodec.encode(replica);
    // Version 10 wrote the same fields but the last: version 11 adds the global table version (version 12 the
    // overrides after it).
    byte[] version10 = Arrays.copyOf(current, current.length - 1 - NO_OVERRIDES * 2 - EVENTUAL_WITHOUT_WITNESS);
    version10[0] = 10;

    assertThat(TableMetadataCodec.decode(version10)).isEqualTo(replica);
    assertThat(TableMetadataCodec.decode(version10).options().replication().orElseThrow().version())
        .isEqualTo(GlobalTableVersion.V2019_11_21);
  }

  @Test
  void decode_version11Replication_hasNoOverrides() {
    TableMetadata replica = music().withOptions(TableOptions.DEFAULTS.withReplication(Optional.of(new Replication(43,
        AT, List.of(new Replica("eu-west-1", Replica.ReplicaStatus.ACTIVE)), null))));
    byte[] current = TableMetadataCodec.encode(replica);
    // Version 11 wrote the same fields but the last: version 12 adds this region's overrides and each replica's.
    byte[] version11 = Arrays.copyOf(current, current.length - NO_OVERRIDES * 2 - EVENTUAL_WITHOUT_WITNESS);
    version11[0] = 11;

    assertThat(TableMetadataCodec.decode(version11)).isEqualTo(replica);
  }

  @Test
  void decode_version12Replication_isEventualWithoutAWitness() {
    TableMetadata replica = music().withOptions(TableOptions.DEFAULTS.withReplication(Optional.of(new Replication(43,
        AT, List.of(new Replica("eu-west-1", Replica.ReplicaStatus.ACTIVE)), null))));
    byte[] current = TableMetadataCodec.encode(replica);
    // Version 12 wrote the same fields but the last two: version 13 adds the consistency and the witness.
    byte[] version12 = Arrays.copyOf(current, current.length - EVENTUAL_WITHOUT_WITNESS);
    version12[0] = 12;

    Replication decoded = TableMetadataCodec.decode(version12).options().replication().orElseThrow();
    assertThat(decoded).isEqualTo(replica.options().replication().orElseThrow());
    assertThat(decoded.consistency()).isEqualTo(MultiRegionConsistency.EVENTUAL);
    assertThat(decoded.strong()).isFalse();
    assertThat(decoded.witness()).isEmpty();
  }

  @Test
  void encode_strongConsistencyWithAWitness_roundTrips() {
    TableMetadata table = music().withOptions(TableOptions.DEFAULTS.withReplication(Optional.of(new Replication(43,
        AT, List.of(new Replica("us-west-2", Replica.ReplicaStatus.CREATING)), null).withConsistency(
            MultiRegionConsistency.STRONG, Optional.of(new Witness("eu-west-1", WitnessStatus.DELETING))))));

    Replication decoded = TableMetadataCodec.decode(TableMetadataCodec.encode(table)).options().replication()
        .orElseThrow();

    assertThat(decoded).isEqualTo(table.options().replication().orElseThrow());
    assertThat(decoded.strong()).isTrue();
    assertThat(decoded.witness()).contains(new Witness("eu-west-1", WitnessStatus.DELETING));
    assertThat(decoded.consensusRegions("us-east-1")).containsExactly("eu-west-1", "us-east-1", "us-west-2");
  }

  @Test
  void encode_strongConsistencyOfThreeReplicas_roundTrips() {
    TableMetadata table = music().withOptions(TableOptions.DEFAULTS.withReplication(Optional.of(new Replication(43,
        AT, List.of(new Replica("us-west-2", Replica.ReplicaStatus.ACTIVE),
            new Replica("ap-south-1", Replica.ReplicaStatus.ACTIVE)), "us-west-2").withConsistency(
            MultiRegionConsistency.STRONG, Optional.empty()))));

    Replication decoded = TableMetadataCodec.decode(TableMetadataCodec.encode(table)).options().replication()
        .orElseThrow();

    assertThat(decoded).isEqualTo(table.options().replication().orElseThrow());
    assertThat(decoded.witness()).isEmpty();
    assertThat(decoded.consensusRegions("us-east-1")).containsExactly("ap-south-1", "us-east-1", "us-west-2");
  }

  @Test
  void encode_replicaOverrides_roundTrip() {
    ReplicaOverrides west = new ReplicaOverrides(Optional.of(5L), Optional.empty(),
        Map.of("by-g", new IndexOverride(Optional.of(3L), Optional.empty()),
            "by-h", new IndexOverride(Optional.empty(), Optional.of(70L))),
        Optional.of(TableClass.STANDARD_INFREQUENT_ACCESS), Optional.of("alias/west"));
    ReplicaOverrides own = new ReplicaOverrides(Optional.empty(), Optional.of(90L), Map.of(), Optional.empty(),
        Optional.empty());
    TableMetadata table = music().withOptions(TableOptions.DEFAULTS.withReplication(Optional.of(new Replication(43,
        AT, List.of(new Replica("eu-west-1", Replica.ReplicaStatus.UPDATING, west),
            new Replica("ap-south-1", Replica.ReplicaStatus.ACTIVE)), null).withOverrides(own))));

    assertThat(TableMetadataCodec.decode(TableMetadataCodec.encode(table))).isEqualTo(table);
  }

  @Test
  void encode_pointInTimeRestoreSummary_roundTripsWithoutABackup() {
    TableMetadata table = music().withOptions(TableOptions.DEFAULTS.withRestore(Optional.of(new RestoreSummary(
        Optional.empty(), "arn:aws:dynamodb:us-east-1:000000000000:table/Music", AT, false))));

    assertThat(TableMetadataCodec.decode(TableMetadataCodec.encode(table))).isEqualTo(table);
  }

  @Test
  void encode_singleAttributeIndexes_roundTripUnchanged() {
    assertThat(TableMetadataCodec.decode(TableMetadataCodec.encode(music()))).isEqualTo(music());
  }
}
