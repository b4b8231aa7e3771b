package vestnik.gateway.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vestnik.gateway.store.RedisFixture.await;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.config.Tenant;
import vestnik.gateway.store.RedisFixture;
import vestnik.templates.lint.LintConfig;
import vestnik.templates.lint.TemplateLinter;
import vestnik.templates.model.AuditAction;
import vestnik.templates.model.AuditEntry;
import vestnik.templates.model.SmsVariant;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.TemplateHistory;
import vestnik.templates.model.TemplateVersion;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.model.VariableSpec;
import vestnik.templates.model.VariableType;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.model.Variants;
import vestnik.templates.preview.Tariff;
import vestnik.templates.render.TemplateRenderer;

/** Templates in the embedded Redis: compare-and-set on the revision, versions written once, the tenant index. */
class TemplateStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    static Path dir;
    static RedisFixture fx;
    static TemplateStore store;
    static TemplateCatalog catalog;

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir);
        store = new TemplateStore(fx.redis);
        Tenant t1 = new Tenant("t1", "ООО «Вектор»", List.of(), new TenantProfile("ООО «Вектор»", "8 800 555-35-35"),
                Tariff.free(), LintConfig.defaults());
        catalog = new TemplateCatalog(store, new TenantTemplateSettings(List.of(t1, new Tenant("t2", "ООО «Другой»", List.of()))),
                new TemplateLinter(new TemplateRenderer()), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static TemplateContent content(String smsText) {
        Map<String, VariableSpec> vars = new LinkedHashMap<>();
        vars.put("creditor", VariableSpec.of(VariableType.STRING));
        vars.put("amount", VariableSpec.of(VariableType.MONEY));
        vars.put("phone", VariableSpec.of(VariableType.PHONE));
        return new TemplateContent(vars, Variants.none().with(VariantSlot.SMS, new SmsVariant(smsText)));
    }

    private static String text(int n) {
        return "{{creditor}}: долг {{amount}}, напоминание " + n + ". Тел. {{phone}}";
    }

    @Test
    @DisplayName("a write made from a revision someone else has since replaced is refused and changes nothing")
    void staleRevisionRefused() {
        TemplateHistory first = TemplateHistory.start("t1", "cas").saveDraft(content(text(1)), "anna", T0);
        assertThat(await(store.replace(0, null, first))).isEqualTo(OptionalLong.of(1));

        TemplateHistory anna = first.saveDraft(content(text(2)), "anna", T0.plusSeconds(1));
        TemplateHistory boris = first.saveDraft(content(text(3)), "boris", T0.plusSeconds(2));
        OptionalLong annaWrote = await(store.replace(1, first, anna));
        OptionalLong borisWrote = await(store.replace(1, first, boris));

        assertThat(annaWrote).isEqualTo(OptionalLong.of(2));
        assertThat(borisWrote).isEmpty();
        StoredHistory stored = await(store.load("t1", "cas")).orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.history()).isEqualTo(anna);
        assertThat(await(store.replace(0, null, first))).as("creating over an existing template").isEmpty();
    }

    @Test
    @DisplayName("each published version is stored on its own beside the history, the latest pointer follows, the index lists it")
    void versionsAndIndex() {
        TemplateHistory h = TemplateHistory.start("t1", "versions").saveDraft(content(text(1)), "anna", T0)
                .publish("anna", T0.plusSeconds(1));
        await(store.replace(0, null, h));
        TemplateHistory h2 = h.saveDraft(content(text(2)), "anna", T0.plusSeconds(2)).publish("boris", T0.plusSeconds(3));
        await(store.replace(1, h, h2));

        assertThat(await(store.latestVersion("t1", "versions"))).contains(2);
        assertThat(await(store.version("t1", "versions", 1))).map(TemplateVersion::content).contains(content(text(1)));
        assertThat(await(store.version("t1", "versions", 2))).map(TemplateVersion::publishedBy).contains("boris");
        assertThat(await(store.version("t1", "versions", 3))).isEmpty();
        assertThat(await(store.list("t1"))).filteredOn(s -> s.key().equals("versions")).singleElement()
                .satisfies(s -> {
                    assertThat(s.latestVersion()).isEqualTo(2);
                    assertThat(s.draft()).isFalse();
                    assertThat(s.updatedBy()).isEqualTo("boris");
                });
        assertThat(await(store.list("t2"))).isEmpty();
        assertThat(await(store.load("t2", "versions"))).isEmpty();
    }

    @Test
    @DisplayName("ten marketers saving drafts at once: every save is kept in the audit trail, none is lost")
    void concurrentSavesAllRecorded() {
        List<Future<TemplateCatalog.Saved>> saves = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            saves.add(catalog.saveDraft("t1", "busy", content(text(i)), "marketer-" + i, null));
        }
        await(Future.all(saves));

        StoredHistory stored = await(store.load("t1", "busy")).orElseThrow();
        assertThat(stored.revision()).isEqualTo(10);
        assertThat(stored.history().audit()).extracting(AuditEntry::action).containsOnly(AuditAction.DRAFT_SAVED).hasSize(10);
        assertThat(stored.history().audit()).extracting(AuditEntry::actor).containsExactlyInAnyOrder(
                "marketer-0", "marketer-1", "marketer-2", "marketer-3", "marketer-4", "marketer-5", "marketer-6",
                "marketer-7", "marketer-8", "marketer-9");
    }

    @Test
    @DisplayName("two marketers publishing the same draft at once make one version; the other is told there is no draft left")
    void concurrentPublishesMakeOneVersion() {
        await(catalog.saveDraft("t1", "race", content(text(1)), "anna", null));

        Future<TemplateCatalog.Published> a = catalog.publish("t1", "race", "anna", null);
        Future<TemplateCatalog.Published> b = catalog.publish("t1", "race", "boris", null);
        await(Future.join(a, b).otherwiseEmpty());

        assertThat(List.of(a, b)).filteredOn(Future::succeeded).singleElement()
                .satisfies(f -> assertThat(f.result().version().number()).isEqualTo(1));
        assertThat(List.of(a, b)).filteredOn(Future::failed).singleElement()
                .satisfies(f -> assertThat(((ApiError) f.cause()).code()).isEqualTo(ErrorCode.NO_DRAFT));
        TemplateHistory h = await(store.load("t1", "race")).orElseThrow().history();
        assertThat(h.versions()).hasSize(1);
        assertThat(h.audit()).extracting(AuditEntry::action, AuditEntry::version)
                .containsExactly(tuple(AuditAction.DRAFT_SAVED, null), tuple(AuditAction.PUBLISHED, 1));
    }

    @Test
    @DisplayName("a change sent with an old revision is refused with revision_mismatch and changes nothing")
    void ifMatchMismatch() {
        long rev = await(catalog.saveDraft("t1", "pinned-rev", content(text(1)), "anna", null)).revision();
        await(catalog.saveDraft("t1", "pinned-rev", content(text(2)), "boris", rev));

        Future<TemplateCatalog.Saved> stale = catalog.saveDraft("t1", "pinned-rev", content(text(3)), "anna", rev);
        await(stale.otherwiseEmpty());

        assertThat(stale.failed()).isTrue();
        assertThat(((ApiError) stale.cause()).code()).isEqualTo(ErrorCode.REVISION_MISMATCH);
        StoredHistory stored = await(store.load("t1", "pinned-rev")).orElseThrow();
        assertThat(stored.revision()).isEqualTo(rev + 1);
        assertThat(stored.history().draft().content()).isEqualTo(content(text(2)));
    }

    @Test
    @DisplayName("discarding the only draft of a never-published template removes it and its index line")
    void discardNeverPublished() {
        await(catalog.saveDraft("t1", "gone", content(text(1)), "anna", null));

        TemplateCatalog.Discarded d = await(catalog.discardDraft("t1", "gone", "anna", null));

        assertThat(d.history()).isNull();
        assertThat(await(store.load("t1", "gone"))).isEmpty();
        assertThat(await(store.list("t1"))).extracting(TemplateSummary::key).doesNotContain("gone");
    }
}
