package org.modsuite.report.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through Debian's chromedriver: both paths are given explicitly, so Selenium Manager
 * never runs and nothing is downloaded (scripts/install-browser installs the two packages).
 */
final class Browser implements AutoCloseable {

  static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
  static final String CHROMIUM = System.getProperty("dashboard.chromium", "/usr/bin/chromium");

  final ChromeDriver driver;
  final Path downloads;
  private final String base;

  Browser(String base, String language) throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    // Belt and braces: Selenium Manager is only consulted when no driver is configured, and it may not go online.
    System.setProperty("SE_OFFLINE", "true");
    this.base = base.replaceAll("/$", "");
    this.downloads = Files.createTempDirectory("dashboard-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1366,1000",
        "--lang=" + language, "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-component-update",
        "--disable-default-apps", "--disable-sync");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false,
        "intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  void open(String path) {
    driver.get(base + path);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  WebElement waitFor(String css) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    } catch (org.openqa.selenium.TimeoutException e) {
      String source = driver.findElement(By.tagName("body")).getText();
      throw new AssertionError("no visible " + css + " on " + driver.getCurrentUrl() + " (" + driver.getTitle() + "): "
          + source.substring(0, Math.min(3000, source.length())), e);
    }
  }

  void signIn(String username, String password) {
    open("/login");
    find("#username").sendKeys(username);
    find("#password").sendKeys(password);
    find("button[type=submit]").click();
    waitFor("#whoami");
  }

  void signOut() {
    find("header form[action='/logout'] button").click();
    waitFor("#username");
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** A PNG of the page into {@code dashboard.screenshots.dir} (default target/screenshots). */
  void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("dashboard.screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    // The whole page, up to 2,400 px: headless Chromium captures the window, so the window grows for the shot.
    org.openqa.selenium.Dimension size = driver.manage().window().getSize();
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), Math.min(2400, Math.max(size.getHeight(), height.intValue()))));
    try {
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
