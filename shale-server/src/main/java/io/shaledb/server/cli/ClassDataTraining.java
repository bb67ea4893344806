package io.shaledb.server.cli;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class data archive: {@code bin/class-data-archive}, which the build runs
 * after packaging, starts it with -XX:ArchiveClassesAtExit. It builds the command line as a start does, then has an
 * in-memory and a durable server answer a short session over a socket, so the archive holds the classes of the
 * request path and of both engines, and even the first start after a build maps them instead of reading them from
 * the jar. A request that fails fails the run, and with it the build: a server that cannot answer these is broken.
 */
final class ClassDataTraining {
  private static final String TABLE = "\"TableName\":\"training\"";

  /** One table's life, touching each kind of request path. */
  private static final List<Call> SESSION = List.of(
      request("CreateTable", TABLE + """
          ,"BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},\
          {"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},\
          {"AttributeName":"sk","KeyType":"RANGE"}]"""),
      request("PutItem", TABLE + """
          ,"Item":{"pk":{"S":"p"},"sk":{"N":"1"},"v":{"S":"one"},"n":{"N":"1.5"},"b":{"BOOL":true}}"""),
      request("BatchWriteItem", """
          "RequestItems":{"training":[{"PutRequest":{"Item":{"pk":{"S":"p"},"sk":{"N":"2"},"l":{"L":[{"S":"x"}]}}}},\
          {"PutRequest":{"Item":{"pk":{"S":"p"},"sk":{"N":"3"},"m":{"M":{"k":{"NULL":true}}}}}}]}"""),
      request("GetItem", TABLE + """
          ,"Key":{"pk":{"S":"p"},"sk":{"N":"1"}}"""),
      request("UpdateItem", TABLE + """
          ,"Key":{"pk":{"S":"p"},"sk":{"N":"1"}},"ReturnValues":"UPDATED_NEW",\
          "UpdateExpression":"SET #c = if_not_exists(#c, :zero) + :one","ConditionExpression":"attribute_exists(pk)",\
          "ExpressionAttributeNames":{"#c":"c"},"ExpressionAttributeValues":{":zero":{"N":"0"},":one":{"N":"1"}}"""),
      request("Query", TABLE + """
          ,"KeyConditionExpression":"pk = :p AND sk > :s","ExpressionAttributeValues":{":p":{"S":"p"},\
          ":s":{"N":"0"}},"Limit":100"""),
      request("Scan", TABLE),
      request("DeleteItem", TABLE + """
          ,"Key":{"pk":{"S":"p"},"sk":{"N":"2"}}"""),
      request("DescribeTable", TABLE),
      request("ListTables", ""),
      request("DeleteTable", TABLE));

  private ClassDataTraining() {}

  public static void main(String[] args) throws Exception {
    LibraryWarmup.start();
    Main.commandLine().parseArgs("serve", "--in-memory");
    Path data = Files.createTempDirectory("shaledb-training");
    try {
      for (ServerConfig config : List.of(ServerConfig.inMemoryOnRandomPort(),
          ServerConfig.durableOnRandomPort(data))) {
        try (ShaleDbServer server = ShaleDbServer.start(config)) {
          answer(server);
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private record Call(String operation, String body) {}

  private static Call request(String operation, String members) {
    return new Call(operation, "{" + members + "}");
  }

  private static void answer(ShaleDbServer server) throws IOException {
    try (Socket socket = new Socket(server.config().host(), server.port())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (Call call : SESSION) {
        byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
        out.write(("POST / HTTP/1.1\r\nHost: " + server.config().host() + "\r\n"
            + "X-Amz-Target: DynamoDB_20120810." + call.operation() + "\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\n"
            + "Authorization: AWS4-HMAC-SHA256 Credential=training/20260101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host, Signature=0\r\n"
            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String status = readLine(in);
        int length = 0;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
          if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
            length = Integer.parseInt(header.substring(15).strip());
          }
        }
        String answer = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (!status.startsWith("HTTP/1.1 200")) {
          throw new IllegalStateException(call.operation() + " failed in training: " + status + " " + answer);
        }
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the server closed the connection in training");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
