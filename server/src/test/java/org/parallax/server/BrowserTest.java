package org.parallax.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web interface in a real headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run}
 * installs), used as a person would: list, story, a matrix cell's evidence, an article, an upload with a planted
 * script. Screenshots of the main pages go to {@code target/screenshots/}. Outside CI, a machine without Chromium
 * skips these tests; in CI (CI=true) a missing browser fails them.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static ParallaxServer server;
  private WebDriver driver;

  @BeforeAll
  static void start() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (System.getenv("CI") != null) {
      assertTrue(present, "CI must install chromium and chromium-driver (.ci/run does)");
    }
    assumeTrue(present, "no Chromium here (apt-get install -y chromium chromium-driver)");
    Files.createDirectories(SHOTS);
    server = TestCorpus.start(ServerOptions.defaults().withLimits(10 << 20, 50, 0));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static WebDriver chromium(boolean javascript) throws IOException {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    // Flags that keep Chromium from reaching out to the network, which this machine and CI do not allow.
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,1600", "--user-data-dir=" + Files.createTempDirectory("parallax-chromium-"));
    if (!javascript) {
      o.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return d;
  }

  private void shot(String name) throws IOException {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @Test
  void readerFollowsAStoryFromTheListToTheEvidenceAndAnArticle() throws IOException {
    driver = chromium(true);
    driver.get(server.uri().toString());
    assertEquals("Stories · Parallax", driver.getTitle());
    shot("stories");
    driver.findElement(By.cssSelector("a.story-link")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
    assertTrue(driver.getTitle().contains("Eastbridge"));
    shot("story");

    // Each conflict says its kind, the compared slot, each side's value and its confidence; claims say how many of
    // their outlets are independent sources.
    WebElement conflict = driver.findElements(By.cssSelector("#conflicts .conflict-card")).stream()
        .filter(e -> e.findElement(By.cssSelector(".kind")).getText().equals("attribution")).findFirst()
        .orElseThrow();
    assertTrue(conflict.findElement(By.cssSelector(".slot")).getText().matches("speaker: .+ vs .+"),
        conflict.getText());
    assertTrue(conflict.findElement(By.cssSelector(".confidence")).getText().matches("confidence 0\\.\\d\\d"));
    assertEquals(2, conflict.findElements(By.cssSelector(".value")).size(), conflict.getText());
    assertTrue(driver.findElements(By.cssSelector("#matrix .sources")).stream()
        .anyMatch(e -> e.getText().matches("\\d+ outlets, \\d+ independent — .+")), "copies counted once");

    // A speaker's side shows the phrase an article states it in, linked to that article.
    WebElement speaker = driver.findElements(By.cssSelector("#quotes details.speaker")).stream()
        .filter(e -> !e.findElements(By.cssSelector(".side-evidence")).isEmpty()).findFirst().orElseThrow();
    speaker.findElement(By.tagName("summary")).click();
    WebElement sideEvidence = speaker.findElement(By.cssSelector(".side-evidence"));
    assertTrue(sideEvidence.getText().matches("Side from “.+”.*"), sideEvidence.getText());
    assertTrue(sideEvidence.findElement(By.tagName("a")).getAttribute("href").contains("/articles/"),
        sideEvidence.getText());

    // A conflicting cell: its evidence panel is hidden until the cell is clicked, then shows the outlet's sentence.
    WebElement cell = driver.findElement(By.cssSelector("td.cell.conflict a"));
    String panelId = cell.getAttribute("data-panel");
    WebElement panel = driver.findElement(By.id(panelId));
    assertFalse(panel.isDisplayed());
    // Centred first: a cell near the top of the matrix would sit under the sticky section bar.
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
    cell.click();
    waiting().until(ExpectedConditions.visibilityOf(panel));
    assertTrue(panel.getText().contains("states it differently"), panel.getText());
    assertFalse(panel.findElement(By.cssSelector("blockquote.said")).getText().isBlank());
    assertTrue(cell.findElement(By.xpath("..")).getAttribute("class").contains("selected"), "script marks the cell");
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", panel);
    shot("story-evidence");

    // Escape closes it (script); the reader then opens the article the evidence came from.
    driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
    waiting().until(ExpectedConditions.invisibilityOf(panel));
    cell.click();
    waiting().until(ExpectedConditions.visibilityOf(panel));
    panel.findElement(By.linkText("Open the article")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("article-body")));
    assertFalse(driver.findElements(By.cssSelector("#article-body mark.quote")).isEmpty());
    assertFalse(driver.findElements(By.cssSelector("#article-body mark.claim")).isEmpty());
    WebElement removed = driver.findElement(By.id("removed"));
    assertFalse(removed.findElement(By.tagName("ul")).isDisplayed(), "removed noise starts collapsed");
    removed.findElement(By.tagName("summary")).click();
    assertTrue(removed.findElement(By.tagName("ul")).isDisplayed());
    shot("article");
  }

  @Test
  void theMatrixEvidenceOpensWithoutJavaScript() throws IOException {
    driver = chromium(false);
    driver.get(server.uri().toString());
    driver.findElement(By.cssSelector("a.story-link")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
    WebElement cell = driver.findElement(By.cssSelector("td.cell.agree a"));
    WebElement panel = driver.findElement(By.id(cell.getAttribute("data-panel")));
    assertFalse(panel.isDisplayed());
    cell.click();
    waiting().until(ExpectedConditions.visibilityOf(panel));
    assertTrue(panel.getText().contains("states:"), panel.getText());
    assertFalse(cell.findElement(By.xpath("..")).getAttribute("class").contains("selected"),
        "no script ran, yet the evidence is there");
  }

  @Test
  void anUploadedArticleWithAPlantedScriptNeverRunsIt() throws IOException {
    Path upload = Files.createTempDirectory("parallax-upload-test-").resolve("hostile.json");
    Files.write(upload, TestCorpus.fixture("hostile-articles.json"));
    driver = chromium(true);
    driver.get(server.uri().resolve("/analyze").toString());
    driver.findElement(By.id("files")).sendKeys(upload.toAbsolutePath().toString());
    driver.findElement(By.id("analyze-button")).click();
    waiting().until(ExpectedConditions.urlContains("/analyses/"));
    assertEquals("Your articles · Parallax", driver.getTitle());
    shot("analysis");
    assertNotPwned();
    driver.findElements(By.cssSelector("#articles a.article-link")).stream()
        .filter(a -> a.getText().startsWith("Millbrook dam")).findFirst().orElseThrow().click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("article-body")));
    String shown = driver.findElement(By.id("article-body")).getText();
    assertTrue(shown.contains("<script>window.__pwned='body'</script>"), "the markup is shown as text");
    assertTrue(shown.contains("onerror="), "the img tag is shown as text");
    for (WebElement a : driver.findElements(By.cssSelector("a[href]"))) {
      assertFalse(a.getAttribute("href").toLowerCase().startsWith("javascript:"), a.getAttribute("href"));
    }
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(driver.findElement(By.id("article-title")))
        .perform();
    shot("analysis-article");
    assertNotPwned();
  }

  /**
   * Outlet pages (issue 16): the list, one outlet's page and a comparison render with their SVG trends and no script
   * but ours, and every figure's link leads to its evidence: a section listing the articles, sentences, copy pairs
   * or stories behind it (as many as the figure counts, up to the page's bound), each opening a real page.
   */
  @Test
  void outletPagesRenderAndEveryFigureLeadsToItsEvidence() throws IOException {
    driver = chromium(true);
    driver.get(server.uri().resolve("/outlets?min=1").toString());
    assertEquals("Outlets · Parallax", driver.getTitle());
    List<WebElement> outlets = driver.findElements(By.cssSelector("#outlets a.outlet-link"));
    assertTrue(outlets.size() >= 3, "the example corpus has five outlets");
    shot("outlets");
    List<String> pages = outlets.stream().map(a -> a.getAttribute("href")).toList();
    int evidenceOpened = 0;
    int claimsShown = 0;
    int voicesShown = 0;
    StringBuilder voiceTexts = new StringBuilder();
    int conflictsShown = 0;
    StringBuilder conflictTexts = new StringBuilder();
    for (String page : pages) {
      driver.get(page);
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
      assertEquals(1L, ((JavascriptExecutor) driver).executeScript("return document.scripts.length"));
      assertEquals(8, driver.findElements(By.cssSelector("#trends figure.trend")).size());
      for (WebElement f : driver.findElements(By.cssSelector("#figures a.figure-link"))) {
        String href = f.getAttribute("href");
        String anchor = href.substring(href.indexOf('#') + 1);
        WebElement section = driver.findElement(By.id(anchor));
        int links = section.findElements(By.cssSelector("a.evidence-link")).size();
        String value = f.getText();
        if (f.getAttribute("id").equals("fig-unique") || f.getAttribute("id").equals("fig-omitted")) {
          // "N of M (x%)": N sentences or claims, listed (the first ones kept) each with a link to its article.
          if (value.contains(" of ")) {
            int k = Integer.parseInt(value.substring(0, value.indexOf(" of ")));
            int items = section.findElements(By.cssSelector("section > ul > li, div.omission")).size();
            assertTrue(items >= Math.min(k, 1) && items <= k, f.getAttribute("id") + " lists its items: " + page);
            String text = section.getAttribute("textContent").replaceAll("\\s+", " ");
            assertTrue(text.contains("The first " + items + " of " + k + "."), "says how many of how many it "
                + "lists: " + page + ": " + text);
            assertTrue(links >= items, "each item links its article: " + page);
            for (WebElement q : section.findElements(By.tagName("q"))) {
              assertFalse(q.getAttribute("textContent").isBlank(), "each item shows its sentence: " + page);
            }
            claimsShown += k;
          }
        } else if (f.getAttribute("id").equals("fig-voices")) {
          // "R / D (x% R)": each counted quotation listed with its speaker, its text and its article's link
          int items = section.findElements(By.cssSelector("section > ul > li")).size();
          if (value.contains(" / ")) {
            String[] rd = value.substring(0, value.indexOf(" (")).split(" / ");
            int k = Integer.parseInt(rd[0]) + Integer.parseInt(rd[1]);
            assertEquals(k, items, "party quotations listed: " + page);
            assertTrue(links >= items, "each quotation links its article: " + page);
            String text = section.getAttribute("textContent").replaceAll("\\s+", " ");
            assertTrue(text.contains("The first " + items + " of " + k + "."), text);
            for (WebElement q : section.findElements(By.tagName("q"))) {
              assertFalse(q.getAttribute("textContent").isBlank(), "each item shows its quotation: " + page);
            }
            voicesShown += k;
            voiceTexts.append(text);
          } else {
            assertEquals(0, items, "no party voice, none listed: " + page);
          }
        } else if (f.getAttribute("id").equals("fig-conflicts")) {
          // "N in S of T stories": each conflict listed with its two sentences, each linked to its article, and
          // the story; the links are opened below with the page's other evidence.
          List<WebElement> cards = section.findElements(By.cssSelector("div.conflict"));
          if (value.contains(" in ")) {
            int k = Integer.parseInt(value.substring(0, value.indexOf(" in ")));
            assertEquals(Math.min(k, 50), cards.size(), "conflicts listed: " + page);
            for (WebElement card : cards) {
              List<WebElement> cited = card.findElements(By.cssSelector("a.evidence-link"));
              assertEquals(3, cited.size(), "its sentence, the other's, the story: " + card.getText());
              assertTrue(cited.get(0).getAttribute("href").contains("/articles/"), card.getText());
              assertTrue(cited.get(1).getAttribute("href").contains("/articles/"), card.getText());
              assertTrue(cited.get(2).getAttribute("href").contains("/stories/"), card.getText());
              assertNotEquals(cited.get(0).getAttribute("href"), cited.get(1).getAttribute("href"));
              for (WebElement q : card.findElements(By.tagName("q"))) {
                assertFalse(q.getAttribute("textContent").isBlank(), "each side shows its sentence: " + page);
              }
            }
            conflictsShown += k;
            conflictTexts.append(section.getAttribute("textContent").replaceAll("\\s+", " "));
          } else {
            assertTrue(cards.isEmpty(), "no conflict, none listed: " + page);
          }
        } else if (f.getAttribute("id").equals("fig-shared")) {
          if (value.contains(" of ")) {
            String[] kn = value.split(" of ");
            assertEquals(Integer.parseInt(kn[1]) - Integer.parseInt(kn[0]), links, "stories left out: " + page);
          }
        } else if (value.matches("\\d+") && Integer.parseInt(value) > 0) {
          assertTrue(links >= Math.min(1, Integer.parseInt(value)), f.getAttribute("id") + " on " + page);
        } else if (f.getAttribute("id").equals("fig-loaded") && !value.equals("0") && !value.equals("–")) {
          assertTrue(links > 0, "a loaded-term rate above zero shows its sentences: " + page);
        }
      }
      List<WebElement> evidence = driver.findElements(By.cssSelector("section.evidence a.evidence-link"));
      assertFalse(evidence.isEmpty(), "every outlet has articles: " + page);
      if (page.equals(pages.get(0))) {
        shot("outlet");
      }
      // Every evidence link of the page opens a page with content (an article in its story, or a story).
      for (String target : evidence.stream().map(a -> a.getAttribute("href")).distinct().toList()) {
        driver.get(target);
        assertFalse(driver.getTitle().startsWith("404"), target);
        assertTrue(driver.findElements(By.id("article-body")).size()
            + driver.findElements(By.id("matrix")).size() > 0, "evidence shows an article or story: " + target);
        evidenceOpened++;
      }
    }
    assertTrue(evidenceOpened >= pages.size());
    assertTrue(claimsShown > 0, "the example story's outlets each state something the others do not");
    // Workers' Voice quotes a Democratic congresswoman twice: once labelled "(D-Ore.)", once by surname only.
    assertEquals(2, voicesShown, voiceTexts.toString());
    assertTrue(voiceTexts.toString().contains("Democratic · Dana Whitfield: Dockworkers on every coast"),
        voiceTexts.toString());
    assertTrue(voiceTexts.toString().contains("Dana Whitfield: A fair deal here is a fair deal everywhere"),
        voiceTexts.toString());
    // The planted conflict: Workers' Voice gives the union's 14 ships at anchor, the three other outlets (the
    // copy left out) the port's eleven; each of the three pairs is on both outlets' pages.
    assertEquals(6, conflictsShown, conflictTexts.toString());
    assertTrue(conflictTexts.toString().contains("quantity · containers: 14 container against Eleven container"),
        conflictTexts.toString());

    driver.get(server.uri().resolve("/outlets?min=1").toString());
    List<WebElement> boxes = driver.findElements(By.cssSelector("#outlets input[type=checkbox]"));
    boxes.get(0).click();
    boxes.get(1).click();
    boxes.get(2).click();
    driver.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("compare-figures")));
    assertEquals(3, driver.findElements(By.cssSelector("#compare-figures thead th a")).size());
    assertEquals(8, driver.findElements(By.cssSelector("#trends svg.chart, #trends figure.trend p.muted")).size());
    shot("compare");
    List<String> figureLinks = driver.findElements(By.cssSelector("#compare-figures a.figure-link")).stream()
        .map(a -> a.getAttribute("href")).toList();
    assertEquals(30, figureLinks.size(), "ten figures for each of three outlets");
    for (String href : figureLinks) {
      driver.get(href);
      String anchor = href.substring(href.indexOf('#') + 1);
      assertFalse(driver.findElements(By.id(anchor)).isEmpty(), href);
    }
  }

  private void assertNotPwned() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertNull(js.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)"));
    assertEquals(1L, js.executeScript("return document.scripts.length"), "only /static/app.js");
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
    List<WebElement> imgs = driver.findElements(By.tagName("img"));
    assertTrue(imgs.isEmpty(), "no <img> made it into the page");
  }
}
