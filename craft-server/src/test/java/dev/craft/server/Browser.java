package dev.craft.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium. Skips (with a message) when Chromium is not
 * installed, except on CI (CI=true), where a missing browser is a failure: .ci/run installs it.
 */
public final class Browser implements AutoCloseable {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  public static Browser open(int port) {
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    if (!present && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort(
          "Chromium is not installed (apt-get install chromium chromium-driver); browser test skipped");
    }
    try {
      Path profile = Files.createTempDirectory("craft-chromium");
      var options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          List.of(
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-dev-shm-usage",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--no-first-run",
              "--disable-quic",
              "--window-size=1280,1000",
              "--user-data-dir=" + profile));
      var service =
          new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
      return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(base + path);
  }

  public WebElement find(String css) {
    return waitFor(css);
  }

  public WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /**
   * Waits until {@code element} has left the page. Chromium reports an element removed by an htmx
   * swap either as stale or as a node that "does not belong to the document"; both mean gone.
   */
  public void waitUntilGone(WebElement element) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d -> {
              try {
                element.isEnabled();
                return false;
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
              } catch (WebDriverException e) {
                if (leftTheDocument(e)) {
                  return true;
                }
                throw e;
              }
            });
  }

  private static boolean leftTheDocument(WebDriverException e) {
    return String.valueOf(e.getMessage()).contains("does not belong to the document");
  }

  public void waitForText(String css, String text) {
    var present = ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d -> {
              try {
                return present.apply(d);
              } catch (WebDriverException e) {
                // Chromium's stale element while the page is being replaced (htmx swap or a
                // navigation): not stale to Selenium, so the condition does not retry by itself.
                if (leftTheDocument(e)) {
                  return false;
                }
                throw e;
              }
            });
  }

  /**
   * Waits until the text of the element at {@code css}, found again on every poll, matches {@code
   * regex} (a script rewriting it, a swap replacing it).
   */
  public void waitForTextMatching(String css, String regex) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d -> {
              try {
                return d.findElement(By.cssSelector(css)).getText().matches(regex);
              } catch (org.openqa.selenium.NoSuchElementException
                  | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
              } catch (WebDriverException e) {
                if (leftTheDocument(e)) {
                  return false;
                }
                throw e;
              }
            });
  }

  public void type(String css, String text) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(text);
  }

  public void signIn(String username, String password) {
    go("/login");
    type("#username", username);
    type("#password", password);
    find("#sign-in").click();
    waitFor("#sign-out");
  }

  /** Waits until the browser is on a path matching {@code regex} (after a click that navigates). */
  public void waitForPath(String regex) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(base) + regex + "$"));
  }

  public String currentPath() {
    return driver.getCurrentUrl().substring(base.length());
  }

  @Override
  public void close() {
    driver.quit();
  }
}
