package io.shaledb.server.replication;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.PeerTable;
import io.shaledb.core.replication.ReplicaGoneException;
import io.shaledb.core.replication.ReplicaSettingsUpdate;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.server.auth.SigV4Signer;
import io.shaledb.server.json.Json;
import io.shaledb.server.json.JsonInput;
import io.shaledb.server.json.ReplicationJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Reaches one peer region over HTTP(S) with SigV4-signed calls (docs/global-tables.md, "The replication calls"). An
 * answer of ResourceNotFoundException to a batch means the peer holds no replica of the table any more; any other
 * failure (the peer down, a refusal) is an exception its caller retries.
 */
public final class HttpPeerLink implements PeerLink {
  private static final String TARGET_PREFIX = "ShaleDBReplication_20261205.";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** A batch is at most a few megabytes, which a peer applies in one transaction. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  /**
   * A consensus request is one small transaction; its proposer gives up on it sooner, so this only bounds how long an
   * unanswered one holds its connection.
   */
  private static final Duration PAXOS_TIMEOUT = Duration.ofSeconds(10);

  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private final PeerEndpoint peer;
  private final Clock clock;
  private final HttpClient client;

  public HttpPeerLink(PeerEndpoint peer, Clock clock) {
    this.peer = peer;
    this.clock = clock;
    // HTTP/1.1: DynamoDB's protocol, and what the server speaks; no upgrade attempt on every connection.
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  @Override
  public void createReplica(TableMetadata table, String sourceRegion, Optional<ReplicationStamp> settingsStamp) {
    call("CreateReplicaTable", g -> ReplicationJson.writeCreateReplicaTable(g, sourceRegion, table, settingsStamp));
  }

  @Override
  public void addReplica(TableMetadata table, String sourceRegion, String region) {
    call("AddReplicaRegion", g -> ReplicationJson.writeAddReplicaRegion(g, sourceRegion, table, region));
  }

  @Override
  public void apply(String tableName, String sourceRegion, List<ReplicatedChange> changes,
      OptionalLong lowWatermark) {
    call("ApplyReplicatedChanges",
        g -> ReplicationJson.writeApplyReplicatedChanges(g, tableName, sourceRegion, changes, false, lowWatermark));
  }

  @Override
  public void filled(String tableName, String sourceRegion) {
    call("ApplyReplicatedChanges",
        g -> ReplicationJson.writeApplyReplicatedChanges(g, tableName, sourceRegion, List.of(), true,
        OptionalLong.empty()));
  }

  @Override
  public void updateReplica(TableMetadata table, String sourceRegion, Optional<ReplicationStamp> settingsStamp) {
    call("UpdateReplicaTable", g -> ReplicationJson.writeCreateReplicaTable(g, sourceRegion, table, settingsStamp));
  }

  @Override
  public void deleteReplica(String tableName, String sourceRegion) {
    call("DeleteReplicaTable", g -> ReplicationJson.writeDeleteReplicaTable(g, sourceRegion, tableName));
  }

  @Override
  public void createWitness(TableMetadata table, String sourceRegion) {
    call("CreateTableWitness", g -> ReplicationJson.writeCreateReplicaTable(g, sourceRegion, table, Optional.empty()));
  }

  @Override
  public void deleteWitness(String tableName, String sourceRegion) {
    call("DeleteTableWitness", g -> ReplicationJson.writeDeleteReplicaTable(g, sourceRegion, tableName));
  }

  @Override
  public Optional<PeerTable> inspect(String tableName, String sourceRegion) {
    byte[] answer = call("InspectTable", g -> ReplicationJson.writeDeleteReplicaTable(g, sourceRegion, tableName));
    try (JsonInput in = JsonInput.over(new ByteArrayInputStream(answer))) {
      return ReplicationJson.readInspected(in);
    } catch (IOException e) {
      throw new UncheckedIOException("region " + peer.region() + " answered InspectTable with no table", e);
    }
  }

  @Override
  public void join(TableMetadata table, String sourceRegion) {
    call("JoinGlobalTable", g -> ReplicationJson.writeCreateReplicaTable(g, sourceRegion, table, Optional.empty()));
  }

  @Override
  public void leave(String tableName, String sourceRegion) {
    call("LeaveGlobalTable", g -> ReplicationJson.writeDeleteReplicaTable(g, sourceRegion, tableName));
  }

  @Override
  public void updateSettings(String tableName, String sourceRegion, ReplicaSettingsUpdate update) {
    call("UpdateReplicaSettings", g -> ReplicationJson.writeUpdateReplicaSettings(g, sourceRegion, tableName,
        update));
  }

  @Override
  public CompletableFuture<byte[]> paxos(String tableName, String sourceRegion, byte[] key, byte[] request) {
    String operation = "Paxos";
    return client.sendAsync(request(operation, PAXOS_TIMEOUT,
        g -> ReplicationJson.writePaxos(g, tableName, sourceRegion, key, request)),
        HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
          byte[] body = answer(operation, response);
          try (JsonInput in = JsonInput.over(new ByteArrayInputStream(body))) {
            return ReplicationJson.readPaxosReply(in);
          } catch (IOException e) {
            throw new UncheckedIOException("region " + peer.region() + " answered Paxos with no reply", e);
          }
        });
  }

  /** Drops the connections at once: the replicator, the only caller, has stopped. */
  @Override
  public void close() {
    client.shutdownNow();
  }

  /** The request body, written to a generator. */
  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Makes one call and answers its body. A refusal of a type DynamoDB's API has is thrown as that error, so an
   * operation that called the peer answers its caller in the peer's words.
   */
  private byte[] call(String operation, Body body) {
    HttpResponse<byte[]> response;
    try {
      response = client.send(request(operation, CALL_TIMEOUT, body), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("region " + peer.region() + " at " + peer.endpoint() + " did not answer "
          + operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling region " + peer.region(), e);
    }
    return answer(operation, response);
  }

  /** The signed request of one call. */
  private HttpRequest request(String operation, Duration timeout, Body body) {
    byte[] bytes = json(body);
    URI endpoint = peer.endpoint().resolve("/");
    Map<String, String> headers = SigV4Signer.sign("POST", endpoint,
        Map.of("content-type", CONTENT_TYPE, "x-amz-target", TARGET_PREFIX + operation), bytes,
        new SigV4Signer.Credentials(peer.accessKeyId(), peer.secret(), null), peer.region(), "dynamodb",
        clock.instant());
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    headers.forEach(request::header);
    return request.build();
  }

  /** A call's answer: its body when it succeeded, else its refusal thrown. */
  private byte[] answer(String operation, HttpResponse<byte[]> response) {
    if (response.statusCode() == 200) {
      return response.body();
    }
    ErrorAnswer error = error(response.body());
    if (error.type().endsWith("ResourceNotFoundException")) {
      throw new ReplicaGoneException(error.message());
    }
    Optional<ErrorCode> code = ErrorCode.ofType(error.type()).filter(c -> c.httpStatus() == 400);
    if (code.isPresent()) {
      throw new DynamoException(code.get(), error.message());
    }
    throw new IllegalStateException("region " + peer.region() + " answered " + operation + " with HTTP "
        + response.statusCode() + " " + error.type() + ": " + error.message());
  }

  private static byte[] json(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An error answer's {@code __type} and message. */
  private record ErrorAnswer(String type, String message) {}

  private static ErrorAnswer error(byte[] body) {
    String type = "";
    String message = "";
    try (JsonParser parser = Json.FACTORY.createParser(body)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          switch (field) {
            case "__type" -> type = parser.getValueAsString("");
            case "message", "Message" -> message = parser.getValueAsString("");
            default -> parser.skipChildren();
          }
        }
      }
    } catch (IOException e) {
      message = "an answer that is no JSON error";
    }
    return new ErrorAnswer(type, message);
  }
}
