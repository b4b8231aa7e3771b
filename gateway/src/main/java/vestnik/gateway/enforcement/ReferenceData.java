package vestnik.gateway.enforcement;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.gateway.policy.ContactPolicy;
import vestnik.gateway.policy.numbering.NumberingPlan;
import vestnik.gateway.policy.numbering.PlanFileReport;
import vestnik.gateway.policy.time.ProductionCalendar;
import vestnik.gateway.policy.zone.RegionZones;
import vestnik.gateway.policy.zone.ZoneResolver;
import vestnik.gateway.store.RedisStore;

/**
 * The reference data the contact policy decides with: the production calendar (shipped for 2025–2027,
 * replaceable) and the official DEF/ABC numbering-plan files (uploaded by an admin; they place a debtor
 * known only by phone). Uploads are kept in Redis, so every gateway sharing it uses the same data: each
 * checks a version counter every 30 s and rebuilds when it changed.
 */
public final class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private final Vertx vertx;
    private final RedisStore redis;
    private final AtomicReference<ContactPolicy> policy = new AtomicReference<>(ContactPolicy.bundled());
    private final AtomicReference<ZoneResolver> zones =
            new AtomicReference<>(new ZoneResolver(RegionZones.bundled(), NumberingPlan.empty()));
    private volatile String loadedVersion = "";
    private long timer = -1;

    public ReferenceData(Vertx vertx, RedisStore redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    public ContactPolicy policy() {
        return policy.get();
    }

    public ZoneResolver zones() {
        return zones.get();
    }

    /** Loads what is stored (if anything) and keeps watching for uploads made through any gateway. */
    public Future<Void> start() {
        timer = vertx.setPeriodic(30_000, t -> reloadIfChanged());
        return reloadIfChanged();
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Adds or replaces one numbering-plan file; answers its parse report. Nothing is stored if it does not parse. */
    public Future<PlanFileReport> putPlanFile(String name, byte[] csv) {
        return vertx.executeBlocking(() -> NumberingPlan.builder().add(name, csv).build().reports().get(0))
                .compose(report -> redis.call(c -> c.hset(redis.keys().referenceNumberingPlan(), name, Base64.getEncoder().encodeToString(csv)))
                        .compose(v -> bump())
                        .map(report));
    }

    public Future<Boolean> deletePlanFile(String name) {
        return redis.call(c -> c.hdel(redis.keys().referenceNumberingPlan(), name)).compose(n -> bump().map(n != null && n > 0));
    }

    /** Replaces the production calendar; answers the years it covers. Nothing is stored if it does not parse. */
    public Future<java.util.Set<Integer>> putCalendar(String text) {
        return vertx.executeBlocking(() -> ProductionCalendar.parse(text).years())
                .compose(years -> redis.call(c -> c.set(redis.keys().referenceCalendar(), text)).compose(v -> bump()).map(years));
    }

    private Future<Void> bump() {
        return redis.call(c -> c.incr(redis.keys().referenceVersion())).compose(v -> reloadIfChanged());
    }

    private Future<Void> reloadIfChanged() {
        return redis.call(c -> c.get(redis.keys().referenceVersion())).compose(version -> {
            String v = version == null ? "" : version;
            if (v.equals(loadedVersion)) {
                return Future.succeededFuture();
            }
            return redis.call(c -> c.hgetall(redis.keys().referenceNumberingPlan())).compose(files -> redis.call(c -> c.get(redis.keys().referenceCalendar()))
                    .compose(calendar -> vertx.executeBlocking(() -> {
                        rebuild(files, calendar);
                        return null;
                    })))
                    .map(x -> {
                        loadedVersion = v;
                        return (Void) null;
                    });
        }).onFailure(e -> log.warn("contact policy reference data not reloaded: {}", e.getMessage()));
    }

    private void rebuild(Map<String, String> files, String calendar) {
        NumberingPlan.Builder plan = NumberingPlan.builder();
        new TreeMap<>(files).forEach((name, b64) -> plan.add(name, Base64.getDecoder().decode(b64)));
        NumberingPlan built = plan.build();
        zones.set(new ZoneResolver(RegionZones.bundled(), built));
        ContactPolicy base = ContactPolicy.bundled();
        policy.set(calendar == null ? base : base.withCalendar(ProductionCalendar.parse(calendar)));
        log.info("contact policy reference data: {} numbering-plan file(s), {} ranges; calendar {}",
                files.size(), built.size(), calendar == null ? "as shipped" : "uploaded");
    }

}
