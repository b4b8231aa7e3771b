package vestnik.gateway.it;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The system's Chromium driven by Playwright, for the console's browser tests. Playwright never downloads a
 * browser here: CI installs Debian's {@code chromium} (see {@code .ci/run}), and a machine without it fails the
 * tests with a message saying so rather than skipping them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    /** Where screenshots of the main screens go when {@code -Dvestnik.screenshots=docs/screenshots} is given. */
    private static final String SCREENSHOTS = "vestnik.screenshots";

    final Playwright playwright;
    final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("the console's browser tests need Chromium at " + CHROMIUM
                    + ": install it with 'apt-get install -y --no-install-recommends chromium' (.ci/run does)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** Saves the page as {@code <name>.png} when screenshots were asked for; the repository keeps them in docs/. */
    static void screenshot(Page page, String name) {
        String dir = System.getProperty(SCREENSHOTS);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path root = Paths.get(dir).isAbsolute() ? Paths.get(dir) : repositoryRoot().resolve(dir);
        page.screenshot(new Page.ScreenshotOptions().setPath(root.resolve(name + ".png")));
    }

    /** Maven runs the tests in gateway/; the path given is relative to the repository. */
    private static Path repositoryRoot() {
        Path here = Paths.get("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("gateway")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return here;
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            playwright.close();
        }
    }
}
