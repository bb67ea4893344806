package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.auth.NewAccessKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The web console driven in real headless Chromium (Debian's, {@link Chromium}), one browser for the class: a table
 * with a global index created, items added, checked and edited, a Query on the index, 200 items paged through, a
 * PartiQL statement, a stream watched live, the metrics charted and the table deleted; each checked through the SDK,
 * and each main page saved as a screenshot in {@code target/console-screenshots}. Then a server with a user: signing
 * in with a wrong secret shows the server's own error, and with the right one the browser's signed requests are
 * served. Slow: a browser's start and a minute of clicking on two cores (and, on a fresh machine, installing the
 * browser).
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  /** InvalidSignatureException's message, as AuthIT has it from DynamoDB. */
  private static final String MISMATCH = "InvalidSignatureException: The request signature we calculated does not"
      + " match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the"
      + " service documentation for details.";

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void startBrowser() throws IOException {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Chromium.patience());
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void quitBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static DynamoDbClient client(ShaleDbServer server, String keyId, String secret) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  private void open(ShaleDbServer server, String hash) {
    browser.get(server.endpoint() + "/console/" + hash);
  }

  private WebElement shown(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private void waitForText(By locator, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  private void type(String id, String text) {
    WebElement input = shown(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private void choose(String id, String value) {
    new Select(shown(By.id(id))).selectByValue(value);
  }

  private void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  private void screenshot(String name) {
    try {
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void acceptConfirmation() {
    wait.until(ExpectedConditions.alertIsPresent()).accept();
  }

  private List<WebElement> resultRows() {
    return browser.findElements(By.cssSelector("#items tbody tr"));
  }

  @Test
  void console_tableLifecycle_worksThroughTheApi() throws InterruptedException {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort());
        DynamoDbClient dynamo = client(server, "any", "any")) {
      open(server, "#/tables");
      waitForText(By.tagName("main"), "No tables yet.");
      screenshot("tables-empty");

      open(server, "#/create-table");
      type("table-name", "Music");
      type("partition-key-name", "Artist");
      type("sort-key-name", "Song");
      click("add-gsi");
      type("gsi-1-name", "ByGenre");
      type("gsi-1-pk-name", "Genre");
      type("gsi-1-sk-name", "Year");
      choose("gsi-1-sk-type", "N");
      choose("stream-view", "NEW_AND_OLD_IMAGES");
      screenshot("create-table");
      click("create-table");
      waitForText(By.id("indexes"), "ByGenre");
      screenshot("table");

      TableDescription created = dynamo.describeTable(d -> d.tableName("Music")).table();
      assertThat(created.globalSecondaryIndexes()).singleElement()
          .satisfies(index -> assertThat(index.indexName()).isEqualTo("ByGenre"));
      assertThat(created.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");

      open(server, "#/table/Music/item");
      type("item-json", "{\"Artist\": {\"S\": \"Arcade Fire\"}, \"Song\": {\"S\": \"Wake Up\"},"
          + " \"Genre\": {\"S\": \"Rock\"}, \"Year\": {\"N\": \"two thousand\"}}");
      waitForText(By.id("item-problems"), "Year.N: a number written as a string");
      assertThat(shown(By.id("save-item")).isEnabled()).as("an item with a type error is not sent").isFalse();
      type("item-json", "{\"Artist\": {\"S\": \"Arcade Fire\"}, \"Song\": {\"S\": \"Wake Up\"},"
          + " \"Genre\": {\"S\": \"Rock\"}, \"Year\": {\"N\": \"2004\"}}");
      screenshot("item-new");
      click("save-item");
      waitForText(By.id("items"), "Wake Up");
      screenshot("items");

      Map<String, AttributeValue> key = Map.of("Artist", AttributeValue.fromS("Arcade Fire"),
          "Song", AttributeValue.fromS("Wake Up"));
      assertThat(dynamo.getItem(g -> g.tableName("Music").key(key)).item())
          .containsEntry("Year", AttributeValue.fromN("2004"));

      shown(By.linkText("Edit")).click();
      waitForText(By.id("item-json"), "Wake Up");
      type("item-json", "{\"Artist\": {\"S\": \"Arcade Fire\"}, \"Song\": {\"S\": \"Wake Up\"},"
          + " \"Genre\": {\"S\": \"Rock\"}, \"Year\": {\"N\": \"2004\"}, \"Rating\": {\"N\": \"5\"}}");
      screenshot("item-edit");
      click("save-item");
      waitForText(By.id("items"), "Rating");
      assertThat(dynamo.getItem(g -> g.tableName("Music").key(key)).item())
          .containsEntry("Rating", AttributeValue.fromN("5"));

      putTwoHundredItems(dynamo);
      queryOnTheIndex();
      pageThroughEveryItem();
      partiql(server);
      watchTheStream(server, dynamo);
      chartTheMetrics(server);

      open(server, "#/tables");
      waitForText(By.id("tables"), "Music");
      screenshot("tables");
      shown(By.cssSelector("button[data-table='Music']")).click();
      acceptConfirmation();
      waitForText(By.tagName("main"), "No tables yet.");
      assertThat(dynamo.listTables().tableNames()).isEmpty();
    }
  }

  /** Band0..Band9, Song000..Song199; even songs are Rock, odd ones Jazz; song i's year is 1800 + i. */
  private static void putTwoHundredItems(DynamoDbClient dynamo) {
    for (int batch = 0; batch < 200; batch += 25) {
      List<WriteRequest> writes = new ArrayList<>();
      for (int i = batch; i < batch + 25; i++) {
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
            "Artist", AttributeValue.fromS("Band" + i % 10),
            "Song", AttributeValue.fromS(String.format("Song%03d", i)),
            "Genre", AttributeValue.fromS(i % 2 == 0 ? "Rock" : "Jazz"),
            "Year", AttributeValue.fromN(Integer.toString(1800 + i)))).build()).build());
      }
      dynamo.batchWriteItem(b -> b.requestItems(Map.of("Music", writes)));
    }
  }

  /** Rock from 1900, newest first, 25 a page: Wake Up (2004), then songs 198 down to 100 (the even ones). */
  private void queryOnTheIndex() {
    choose("operation", "Query");
    choose("index", "ByGenre");
    type("key-0", "Rock");
    choose("sort-condition", ">=");
    type("sort-value", "1900");
    choose("direction", "backward");
    type("limit", "25");
    click("run");
    waitForText(By.id("page-status"), "Page 1: 25 items");
    screenshot("query");
    List<WebElement> rows = resultRows();
    assertThat(rows).hasSize(25);
    assertThat(rows.get(0).getText()).contains("Wake Up");
    assertThat(rows.get(1).getText()).contains("Song198").contains("1998");
    click("next-page");
    waitForText(By.id("page-status"), "Page 2: 25 items");
    assertThat(resultRows().getLast().getText()).contains("Song102");
  }

  /** A Scan of 50 a page: 201 items in five pages, every item once; then back a page. */
  private void pageThroughEveryItem() {
    choose("operation", "Scan");
    choose("index", "");
    type("limit", "50");
    click("run");
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 10; page++) {
      waitForText(By.id("page-status"), "Page " + page + ":");
      resultRows().forEach(row -> seen.add(row.findElements(By.tagName("td")).get(1).getText()));
      if (!shown(By.id("next-page")).isEnabled()) {
        break;
      }
      click("next-page");
    }
    assertThat(seen).hasSize(201).doesNotHaveDuplicates().contains("Wake Up", "Song000", "Song199");
    click("previous-page");
    waitForText(By.id("page-status"), "Page 4: 50 items");
  }

  private void partiql(ShaleDbServer server) {
    open(server, "#/partiql");
    type("statement", "SELECT * FROM \"Music\" WHERE Artist = ?");
    type("parameters", "[{\"S\": \"Band3\"}]");
    click("run-statement");
    waitForText(By.id("statement-status"), "Page 1: 20 items");
    screenshot("partiql");
  }

  private void watchTheStream(ShaleDbServer server, DynamoDbClient dynamo) {
    open(server, "#/table/Music/stream");
    click("stream-toggle");
    waitForText(By.id("stream-status"), "Reading");
    dynamo.putItem(p -> p.tableName("Music").item(Map.of("Artist", AttributeValue.fromS("Live"),
        "Song", AttributeValue.fromS("Streamed"))));
    waitForText(By.id("stream-table"), "Streamed");
    assertThat(shown(By.id("stream-table")).getText()).contains("INSERT");
    screenshot("stream");
    click("stream-toggle");
  }

  /** The metrics page charts GET /metrics once it has read it twice, five seconds apart. */
  private void chartTheMetrics(ShaleDbServer server) {
    open(server, "#/metrics");
    waitForText(By.id("metrics-charts"), "ReturnedItemCount: per second");
    assertThat(shown(By.id("metrics-charts")).getText()).contains("SuccessfulRequestLatency: mean per observation")
        .contains("TableName=Music");
    screenshot("metrics");
  }

  @Test
  void console_withUsers_signsInAndSignsEachRequest(@TempDir Path keys) throws InterruptedException {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort()
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(keys.resolve("auth.key"))))) {
      server.principals().createUser("alice");
      NewAccessKey alice = server.principals().createAccessKey("alice");
      try (DynamoDbClient dynamo = client(server, alice.key().id(), alice.secret())) {
        dynamo.createTable(t -> t.tableName("Signed").billingMode("PAY_PER_REQUEST")
            .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
            .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()));
      }

      open(server, "#/tables");
      type("access-key-id", alice.key().id());
      type("secret-access-key", "x".repeat(40));
      screenshot("sign-in");
      shown(By.id("secret-access-key")).sendKeys(Keys.ENTER);
      waitForText(By.cssSelector("[role=alert]"), MISMATCH);
      screenshot("sign-in-refused");

      type("secret-access-key", alice.secret());
      shown(By.id("secret-access-key")).sendKeys(Keys.ENTER);
      waitForText(By.id("tables"), "Signed");
      assertThat(shown(By.id("who")).getText()).isEqualTo("Signed in as " + alice.key().id() + " Sign out");
      assertThat(browser.executeScript("return localStorage.length")).as("nothing outlives the tab").isEqualTo(0L);
    }
  }
}
