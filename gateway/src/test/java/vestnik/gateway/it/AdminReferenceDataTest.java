package vestnik.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.loadtest.smsc.SimulatedSmsc;

/** The contact policy's reference data: official numbering-plan files and the production calendar, uploaded by an admin. */
class AdminReferenceDataTest {

    @TempDir
    static Path dir;
    static SimulatedSmsc smsc;
    static GatewayHarness gw;

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

    private static HttpResponse<String> put(String path, String key, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway.port() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = AdminReferenceDataTest.class.getResourceAsStream("/policy/numbering/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    @DisplayName("an admin uploads official DEF/ABC files in either encoding; a file that is not one is refused and changes nothing")
    void numberingPlan() throws Exception {
        HttpResponse<String> def = put("/v1/admin/numbering-plan/DEF-9xx", GatewayHarness.ADMIN_KEY, resource("DEF-9xx-8col.csv"));
        assertThat(def.statusCode()).as(def.body()).isEqualTo(200);
        assertThat(def.body()).contains("\"ranges\":").doesNotContain("\"ranges\":0");
        HttpResponse<String> abc = put("/v1/admin/numbering-plan/ABC-3xx", GatewayHarness.ADMIN_KEY, resource("ABC-3xx-6col-cp1251.csv"));
        assertThat(abc.statusCode()).as(abc.body()).isEqualTo(200);
        assertThat(abc.body()).contains("windows-1251");
        HttpResponse<String> bad = put("/v1/admin/numbering-plan/page", GatewayHarness.ADMIN_KEY, "<html>Not Found</html>".getBytes());
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("invalid_reference_data");
        assertThat(put("/v1/admin/numbering-plan/DEF-9xx", GatewayHarness.KEY, resource("DEF-9xx-8col.csv")).statusCode()).isEqualTo(403);
        assertThat(gw.http.delete("/v1/admin/numbering-plan/ABC-3xx", GatewayHarness.ADMIN_KEY).status()).isEqualTo(200);
        assertThat(gw.http.delete("/v1/admin/numbering-plan/ABC-3xx", GatewayHarness.ADMIN_KEY).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("an admin replaces the production calendar; one that does not parse is refused")
    void calendar() throws Exception {
        byte[] calendar;
        try (InputStream in = AdminReferenceDataTest.class.getResourceAsStream("/policy/production-calendar.csv")) {
            calendar = in.readAllBytes();
        }
        HttpResponse<String> ok = put("/v1/admin/production-calendar", GatewayHarness.ADMIN_KEY, calendar);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("2025").contains("2026").contains("2027");
        HttpResponse<String> bad = put("/v1/admin/production-calendar", GatewayHarness.ADMIN_KEY, "2026-13-45;holiday;;;x".getBytes());
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
    }
}
