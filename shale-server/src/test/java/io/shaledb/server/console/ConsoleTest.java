package io.shaledb.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.http.WebPage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Which paths the console answers, with what, from the files this build ships. */
class ConsoleTest {
  private final AtomicBoolean authenticating = new AtomicBoolean(false);
  private final Console console = Console.of("eu-west-1", authenticating::get);

  private static String text(WebPage page) {
    return new String(page.body(), StandardCharsets.UTF_8);
  }

  @Test
  void find_consoleWithoutSlash_movesToTheFolder() {
    WebPage page = console.find("/console");

    assertThat(page).isNotNull();
    assertThat(page.status()).isEqualTo(301);
    assertThat(page.headers()).containsEntry("location", "/console/");
  }

  @Test
  void find_folder_isTheIndexPageWithItsPolicy() {
    WebPage page = console.find("/console/");

    assertThat(page).isNotNull();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(text(page)).contains("<script type=\"module\" src=\"js/main.js\"></script>");
    assertThat(page.headers()).containsEntry("x-content-type-options", "nosniff")
        .containsEntry("cache-control", "no-cache")
        .hasEntrySatisfying("content-security-policy", policy -> assertThat(policy)
            .contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'"));
  }

  @Test
  void find_moduleAndStyleSheet_haveTheirTypes() {
    assertThat(console.find("/console/js/pages/items.js")).isNotNull()
        .extracting(WebPage::contentType).isEqualTo("text/javascript; charset=utf-8");
    assertThat(console.find("/console/console.css")).isNotNull()
        .extracting(WebPage::contentType).isEqualTo("text/css; charset=utf-8");
  }

  @Test
  void find_settings_sayRegionAndAuthenticationAsTheyAreNow() {
    assertThat(text(console.find("/console/settings.json")))
        .isEqualTo("{\"region\":\"eu-west-1\",\"authenticating\":false}");

    authenticating.set(true);

    assertThat(text(console.find("/console/settings.json")))
        .isEqualTo("{\"region\":\"eu-west-1\",\"authenticating\":true}");
  }

  @Test
  void find_pathsOutsideTheConsoleOrItsFiles_areNone() {
    assertThat(console.find("/")).isNull();
    assertThat(console.find("/consoles")).isNull();
    assertThat(console.find("/console/missing.js")).isNull();
    assertThat(console.find("/console/../simplelogger.properties")).isNull();
    assertThat(console.find("/console/js/../console.css")).isNull();
    assertThat(console.find("/console/js")).isNull();
    assertThat(console.find("/console/js/")).isNull();
    assertThat(console.find("/console/Index.html")).isNull();
  }
}
