package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** The web console's files as plain HTTP sees them: served at /, with their security headers, never over the API. */
class ConsoleRoutesTest {

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        smsc = SimulatedSmsc.builder().port(0).credentials("gw", "secret").start();
        gw = GatewayHarness.start(dir, smsc);
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    private static HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ConsoleRoutesTest.class.getClassLoader().getResourceAsStream("console/" + path)) {
            assertThat(in).as("console/" + path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("/ serves the console's page with a content security policy that allows only its own files")
    void indexWithSecurityHeaders() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(r.body()).contains("<html lang=\"ru\">").contains("<script type=\"module\" src=\"js/app.js\"></script>");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'").doesNotContain("unsafe-inline").doesNotContain("http"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/index.html").body()).isEqualTo(r.body());
    }

    @Test
    @DisplayName("scripts and styles are served with their types and revalidated by Last-Modified")
    void assets() throws Exception {
        HttpResponse<String> js = get("/js/app.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("javascript"));
        assertThat(js.body()).isEqualTo(resource("js/app.js"));
        HttpResponse<String> css = get("/css/console.css");
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/css"));
        assertThat(css.headers().firstValue("Last-Modified")).isPresent();
        assertThat(send("HEAD", "/").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("an unknown file is the API's JSON 404, and the API, hooks, health and metrics are never shadowed")
    void unknownAndApiPaths() throws Exception {
        HttpResponse<String> missing = get("/js/nothing-here.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"not_found\"");
        assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);

        HttpResponse<String> api = get("/v1/templates");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"code\":\"unauthorized\"");
        assertThat(api.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(get("/v1").statusCode()).isIn(401, 404);
        assertThat(get("/v1").body()).doesNotContain("<html");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").body()).contains("# TYPE");
        assertThat(get("/hooks/sms").body()).doesNotContain("<html");
    }

    @Test
    @DisplayName("the console's pages hold no inline script, handler or style, which the policy would block")
    void nothingInline() throws Exception {
        String html = resource("index.html");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).as("inline <script>").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).as("onclick= and the like").isFalse();
        assertThat(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).as("style=").isFalse();
        assertThat(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find()).as("files from elsewhere").isFalse();
    }

    @Test
    @DisplayName("the scripts build the page from elements and text only: no innerHTML, eval or style attribute")
    void scriptsNeverParseMarkup() throws Exception {
        Path js = Path.of(ConsoleRoutesTest.class.getClassLoader().getResource("console/js").toURI());
        try (Stream<Path> files = Files.list(js)) {
            List<Path> modules = files.filter(f -> f.toString().endsWith(".js")).toList();
            assertThat(modules).hasSizeGreaterThan(10);
            for (Path f : modules) {
                // the SVG namespace is a name, not an address
                String source = Files.readString(f).replace("http://www.w3.org/2000/svg", "");
                assertThat(source).as(f.getFileName().toString())
                        .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                        .doesNotContain("eval(").doesNotContain("new Function").doesNotContain("'style'")
                        .doesNotContain("http://").doesNotContain("https://");
            }
        }
    }
}
