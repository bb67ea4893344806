package io.shaledb.server.console;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.server.http.WebPage;
import io.shaledb.server.http.WebPages;
import io.shaledb.server.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The web console's pages at {@value #PATH}: its files, and {@code settings.json}, what the console must know before
 * its first call: the region its requests are signed for (a signature for another region is refused) and whether
 * signatures are verified now (then it asks for an access key before anything else). Every page may be read by
 * anyone who reaches the server, as DynamoDB's own console's scripts may: what they show comes only from API calls,
 * which are authenticated and authorized as any SDK's. The files forbid scripts, styles and connections from
 * anywhere but the server (a content security policy), being framed, and being read as another type.
 */
public final class Console implements WebPages {
  public static final String PATH = "/console/";
  private static final Map<String, String> HEADERS = Map.of(
      "cache-control", "no-cache",
      "x-content-type-options", "nosniff",
      "referrer-policy", "no-referrer",
      "content-security-policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

  private final ConsoleFiles files;
  private final String region;
  private final BooleanSupplier authenticating;

  private Console(ConsoleFiles files, String region, BooleanSupplier authenticating) {
    this.files = files;
    this.region = region;
    this.authenticating = authenticating;
  }

  /**
   * The console of a server in {@code region}, whose files are on the server's class path.
   *
   * @param authenticating whether requests' signatures are verified at the moment it is asked
   */
  public static Console of(String region, BooleanSupplier authenticating) {
    return new Console(new ConsoleFiles(Console.class.getClassLoader()), region, authenticating);
  }

  @Override
  public @Nullable WebPage find(String path) {
    if (path.equals(PATH.substring(0, PATH.length() - 1))) {
      return WebPage.movedTo(PATH);
    }
    if (!path.startsWith(PATH)) {
      return null;
    }
    String name = path.substring(PATH.length());
    if (name.equals("settings.json")) {
      return WebPage.ok("application/json", settings(), HEADERS);
    }
    return files.find(name.isEmpty() ? "index.html" : name)
        .map(file -> WebPage.ok(file.contentType(), file.body(), HEADERS))
        .orElse(null);
  }

  private byte[] settings() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("region", region);
      json.writeBooleanField("authenticating", authenticating.getAsBoolean());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
