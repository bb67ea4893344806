package io.shaledb.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless {@code chromium} driven through its {@code chromium-driver}, for the console's browser tests. A
 * machine without them gets them from apt-get when the tests run as root (as CI and a fresh machine of the project's
 * kind do); elsewhere the tests are skipped with one message saying how to install them, except on CI ({@code CI}
 * set), where a test that cannot run fails.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path APT = Path.of("/usr/bin/apt-get");
  private static final long INSTALL_MINUTES = 10;

  private Chromium() {}

  /** A new headless browser; the caller quits it. Aborts or fails the test as above when none can be had. */
  static ChromeDriver start() {
    if (!installed()) {
      String outcome = install();
      if (!installed()) {
        String message = "the console's browser tests need Debian's chromium and chromium-driver (" + outcome
            + "); install them with: apt-get install -y chromium chromium-driver";
        if (System.getenv("CI") != null) {
          fail(message);
        }
        Assumptions.abort(message);
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // --no-sandbox: Chromium refuses to run as root with its sandbox, and tests here run as root.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,1000", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }

  private static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  /** Installs both with apt-get, updating its package lists first if the install alone fails; says what happened. */
  private static String install() {
    if (!Files.isExecutable(APT)) {
      return "they are missing and there is no apt-get to install them";
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return "they are missing, and only root may install them";
    }
    List<String> install = List.of(APT.toString(), "install", "-y", "--no-install-recommends", "chromium",
        "chromium-driver");
    if (run(install) == 0 || (run(List.of(APT.toString(), "update")) == 0 && run(install) == 0)) {
      return "installed";
    }
    return "apt-get could not install them: see target/chromium-install.log";
  }

  private static int run(List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "chromium-install.log").toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** How long the tests wait for the console to show what they expect: generous on a loaded two-core machine. */
  static Duration patience() {
    return Duration.ofSeconds(60);
  }
}
