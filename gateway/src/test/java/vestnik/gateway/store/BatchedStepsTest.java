package vestnik.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.store.MessageRepository.Claim;

/** Steps of many messages taken in one script call: claiming a read of queue entries, recording accepted submissions. */
class BatchedStepsTest {

    @TempDir
    static Path dir;
    static RedisFixture fx;
    static MessageRepository repo;
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir);
        repo = new MessageRepository(fx.redis, new Scripts(), Duration.ofDays(30).toSeconds());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static NewMessage message(Duration ttl) {
        return new NewMessage(Ids.next(), "t1", null, "bulk", "+79161234567", "Долг 1 200 ₽", null, 1, NOW, null,
                NOW.plus(ttl), null, null, null, null, Priority.NORMAL, null, null, null, null);
    }

    @Test
    @DisplayName("a read's entries claimed together get, in order, what each would get claimed alone, and only the claimed stay pending")
    void eachAsAlone() {
        String q = repo.keys().queue(0, "bulk", Priority.NORMAL);
        await(fx.redis.call(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(q, "0"), MessageRepository.GROUP,
                XGroupCreateArgs.Builder.mkstream())));
        NewMessage queued = message(Duration.ofHours(24));
        NewMessage cancelled = message(Duration.ofHours(24));
        NewMessage outOfTime = message(Duration.ofSeconds(1));
        NewMessage deleted = message(Duration.ofHours(24));
        List<NewMessage> all = new ArrayList<>(List.of(queued, cancelled, outOfTime, deleted));
        // more than one script call's worth, so the read is split and put back together in order
        for (int i = 0; i < 80; i++) {
            all.add(message(Duration.ofHours(24)));
        }
        for (NewMessage m : all) {
            await(repo.create(m));
        }
        await(repo.transition(cancelled.id(), null, MessageStatus.CANCELLED, NOW, "cancelled by the caller", null, null,
                true, null, Map.of()));
        await(fx.redis.call(c -> c.del(repo.keys().message(deleted.id()))));

        List<StreamMessage<String, String>> read = await(fx.redis.call(c -> c.xreadgroup(
                Consumer.from(MessageRepository.GROUP, "test"), XReadArgs.Builder.count(1000), XReadArgs.StreamOffset.lastConsumed(q))));
        assertThat(read).hasSize(all.size());
        List<MessageRepository.ClaimRequest> requests = read.stream()
                .map(e -> new MessageRepository.ClaimRequest(q, e.getId(), e.getBody().get("id"))).toList();
        List<Claim> claims = await(repo.claimAll(requests, false, NOW.plusSeconds(5)));

        assertThat(claims).hasSize(all.size());
        assertThat(claims.subList(0, 4)).extracting(Claim::kind)
                .containsExactly(Claim.Kind.CLAIMED, Claim.Kind.SKIPPED, Claim.Kind.EXPIRED, Claim.Kind.GONE);
        assertThat(claims.subList(4, claims.size())).extracting(Claim::kind).containsOnly(Claim.Kind.CLAIMED);
        for (int i = 4; i < all.size(); i++) {
            assertThat(claims.get(i).message().id()).isEqualTo(all.get(i).id());
        }
        MessageRecord claimed = claims.get(0).message();
        assertThat(claimed.id()).isEqualTo(queued.id());
        assertThat(claimed.status()).isEqualTo(MessageStatus.SENDING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.text()).isEqualTo("Долг 1 200 ₽");
        assertThat(await(repo.events(queued.id()))).last()
                .isEqualTo(new MessageEvent("sending", NOW.plusSeconds(5).toString(), "attempt 1"));
        assertThat(await(repo.find(outOfTime.id())).orElseThrow().errorCode()).isEqualTo("ttl_expired");
        assertThat(await(repo.find(cancelled.id())).orElseThrow().status()).isEqualTo(MessageStatus.CANCELLED);
        // the skipped, expired and gone entries are acknowledged in the same step; the claimed ones wait for their outcome
        long pending = await(fx.redis.call(c -> c.xpending(q, MessageRepository.GROUP))).getCount();
        assertThat(pending).isEqualTo(all.size() - 3);
        // the polling index the batch filled is kept as long as the messages, like one a single claim fills
        Long ttl = await(fx.redis.call(c -> c.ttl(repo.keys().tenantStatusIndex(0, "t1", "sending"))));
        assertThat(ttl).isBetween(Duration.ofDays(30).toSeconds() - 60, Duration.ofDays(30).toSeconds());
        List<String> inIndex = await(fx.redis.call(c -> c.zrange(repo.keys().tenantStatusIndex(0, "t1", "sending"), 0, -1)));
        assertThat(inIndex).contains(queued.id()).containsAll(all.subList(4, all.size()).stream().map(NewMessage::id).toList());
    }

    @Test
    @DisplayName("submissions accepted in the same turn of the event loop are recorded in one call, each as if alone")
    void acceptedTogether() throws Exception {
        String q = repo.keys().queue(0, "acc", Priority.NORMAL);
        await(fx.redis.call(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(q, "0"), MessageRepository.GROUP,
                XGroupCreateArgs.Builder.mkstream())));
        List<NewMessage> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NewMessage m = new NewMessage(Ids.next(), "t1", null, "acc", "+79161234567", "x", null, 1, NOW, null,
                    NOW.plus(Duration.ofHours(24)), null, null, null, null, Priority.NORMAL, null, null, null, null);
            all.add(m);
            await(repo.create(m));
        }
        List<StreamMessage<String, String>> read = await(fx.redis.call(c -> c.xreadgroup(
                Consumer.from(MessageRepository.GROUP, "test"), XReadArgs.Builder.count(10), XReadArgs.StreamOffset.lastConsumed(q))));
        List<Claim> claims = await(repo.claimAll(read.stream()
                .map(e -> new MessageRepository.ClaimRequest(q, e.getId(), e.getBody().get("id"))).toList(), false, NOW));
        assertThat(claims).extracting(Claim::kind).containsOnly(Claim.Kind.CLAIMED);
        // the last one is gone by the time it is recorded: it answers alone, the others are not disturbed
        await(fx.redis.call(c -> c.del(repo.keys().message(all.get(2).id()))));

        long callsBefore = evalshaCalls();
        Context context = fx.vertx.getOrCreateContext();
        CompletableFuture<List<String>> answers = new CompletableFuture<>();
        List<String> before = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.runOnContext(v -> {
            // the step before each record (the receipt index in the gateway) fails for the fourth message only
            AcceptedBatch batch = new AcceptedBatch(repo, context, a -> {
                before.add(a.id());
                return a.id().equals("not-indexed") ? Future.failedFuture("index unavailable") : Future.succeededFuture();
            });
            List<Future<String>> each = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                each.add(batch.accepted(new MessageRepository.Accepted(all.get(i).id(), q, read.get(i).getId(),
                        i == 0 ? List.of("A1") : List.of("B1", "B2"), NOW.plusSeconds(1))));
            }
            each.add(batch.accepted(new MessageRepository.Accepted("not-indexed", q, "0-1", List.of("C1"), NOW)));
            Future.join(each).onComplete(done -> answers.complete(each.stream()
                    .map(f -> f.succeeded() ? String.valueOf(f.result()) : "failed: " + f.cause().getMessage()).toList()));
        });

        assertThat(answers.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .containsExactly("sending", "sending", "null", "failed: index unavailable");
        assertThat(before).containsExactly(all.get(0).id(), all.get(1).id(), all.get(2).id(), "not-indexed");
        assertThat(evalshaCalls() - callsBefore).isEqualTo(1);
        MessageRecord first = await(repo.find(all.get(0).id())).orElseThrow();
        assertThat(first.status()).isEqualTo(MessageStatus.SENT);
        assertThat(await(repo.events(all.get(0).id()))).last()
                .isEqualTo(new MessageEvent("sent", NOW.plusSeconds(1).toString(), "provider id A1"));
        assertThat(await(repo.events(all.get(1).id()))).last()
                .isEqualTo(new MessageEvent("sent", NOW.plusSeconds(1).toString(), "2 parts, provider ids B1, B2"));
        // every entry is acknowledged, the gone message's too
        assertThat(await(fx.redis.call(c -> c.xpending(q, MessageRepository.GROUP))).getCount()).isZero();
    }

    @Test
    @DisplayName("reports on parts applied together, across shards, each get what they would get applied alone")
    void partReportsTogether() throws Exception {
        try (RedisFixture four = new RedisFixture(dir.resolve("four"), 4)) {
            MessageRepository r4 = new MessageRepository(four.redis, new Scripts(), Duration.ofDays(30).toSeconds());
            List<String> ids = new ArrayList<>();
            for (int shard = 0; shard < 4; shard++) {
                String id = Ids.nextInShard(four.redis.keys(), shard);
                ids.add(id);
                await(r4.create(new NewMessage(id, "t1", null, "sms", "+79161234567", "x", null, 2, NOW, null,
                        NOW.plus(Duration.ofHours(24)), null, null, null, null, Priority.NORMAL, null, null, null, null)));
                await(r4.transition(id, null, MessageStatus.SENDING, NOW, "attempt 1", null, null, false, null, Map.of()));
                await(r4.transition(id, null, MessageStatus.SENT, NOW, "provider ids", null, null, false, null, Map.of("pn", "2")));
            }
            Instant at = NOW.plusSeconds(3);
            List<MessageRepository.PartReport> reports = List.of(
                    // shard 0: both parts delivered, in one call
                    new MessageRepository.PartReport(ids.get(0), 1, 2, MessageStatus.DELIVERED, at, at, "delivered", null),
                    new MessageRepository.PartReport(ids.get(0), 2, 2, MessageStatus.DELIVERED, at, at, "delivered", null),
                    // shard 1: one part failed fails the message
                    new MessageRepository.PartReport(ids.get(1), 1, 2, MessageStatus.FAILED, at, at, "undeliverable", "0x0b"),
                    // shard 2: one part only, and the same report twice
                    new MessageRepository.PartReport(ids.get(2), 2, 2, MessageStatus.DELIVERED, at, at, "delivered", null),
                    new MessageRepository.PartReport(ids.get(2), 2, 2, MessageStatus.DELIVERED, at, at, "delivered", null),
                    // a message that does not exist
                    new MessageRepository.PartReport(Ids.nextInShard(four.redis.keys(), 3), 1, 1, MessageStatus.DELIVERED, at, at,
                            "delivered", null));

            List<MessageRepository.PartResult> results = await(r4.applyPartStatusAll(reports));

            assertThat(results).containsExactly(
                    new MessageRepository.PartResult(false, "sent"),
                    new MessageRepository.PartResult(true, "delivered"),
                    new MessageRepository.PartResult(true, "failed"),
                    new MessageRepository.PartResult(false, "sent"),
                    new MessageRepository.PartResult(false, "sent"),
                    new MessageRepository.PartResult(false, null));
            assertThat(await(r4.find(ids.get(0))).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
            MessageRecord failed = await(r4.find(ids.get(1))).orElseThrow();
            assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(failed.errorCode()).isEqualTo("delivery_failed");
            assertThat(await(r4.events(ids.get(2)))).last()
                    .isEqualTo(new MessageEvent("sent", at.toString(), "part 2/2: delivered"));
            assertThat(await(r4.find(ids.get(3))).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        }
    }

    @Test
    @DisplayName("new messages stored together, across shards, each get what storing them alone gives: created, or the first one's id")
    void storedTogether() throws Exception {
        try (RedisFixture four = new RedisFixture(dir.resolve("four-intake"), 4)) {
            MessageRepository r4 = new MessageRepository(four.redis, new Scripts(), Duration.ofDays(30).toSeconds());
            Keys k4 = four.redis.keys();
            NewMessage earlier = withExternalId(k4, "inv-1");
            await(r4.create(earlier));
            NewMessage again = withExternalId(k4, "inv-1");
            NewMessage fresh = withExternalId(k4, "inv-2");
            NewMessage sameInList = withExternalId(k4, "inv-2");
            NewMessage later = new NewMessage(Ids.next(), "t1", null, "sms", "+79161234567", "x", null, 1, NOW,
                    NOW.plusSeconds(3600), NOW.plus(Duration.ofHours(24)), null, null, null, null, Priority.NORMAL, null, null,
                    null, null);
            List<NewMessage> all = new ArrayList<>(List.of(again, fresh, sameInList, later));
            for (int i = 0; i < 8; i++) {
                all.add(new NewMessage(Ids.next(), "t1", null, "sms", "+79161234567", "x " + i, null, 1, NOW, null,
                        NOW.plus(Duration.ofHours(24)), null, null, null, null, Priority.NORMAL, null, null, null, null));
            }

            List<MessageRepository.IntakeResult> results = await(r4.createAll(all, Map.of("cmp", "c1")));

            assertThat(results.subList(0, 4)).containsExactly(
                    new MessageRepository.IntakeResult(earlier.id(), false),
                    new MessageRepository.IntakeResult(fresh.id(), true),
                    new MessageRepository.IntakeResult(fresh.id(), false),
                    new MessageRepository.IntakeResult(later.id(), true));
            assertThat(await(r4.find(again.id()))).isEmpty();
            assertThat(await(r4.find(sameInList.id()))).isEmpty();
            assertThat(await(r4.find(later.id())).orElseThrow().status()).isEqualTo(MessageStatus.SCHEDULED);
            long queued = 0;
            for (int i = 4; i < all.size(); i++) {
                assertThat(results.get(i)).isEqualTo(new MessageRepository.IntakeResult(all.get(i).id(), true));
                MessageRecord stored = await(r4.find(all.get(i).id())).orElseThrow();
                assertThat(stored.status()).isEqualTo(MessageStatus.QUEUED);
                assertThat(stored.text()).isEqualTo("x " + (i - 4));
                assertThat(stored.campaignId()).isEqualTo("c1");
            }
            for (int shard = 0; shard < 4; shard++) {
                int s = shard;
                queued += await(four.redis.call(c -> c.xlen(k4.queue(s, "sms", Priority.NORMAL))));
            }
            // the earlier message, the new inv-2 and the eight plain ones; the scheduled one waits in its due set
            assertThat(queued).isEqualTo(10);
        }
    }

    private static NewMessage withExternalId(Keys k, String externalId) {
        return new NewMessage(Ids.nextInShard(k, k.shardOfExternalId("t1", externalId)), "t1", externalId, "sms",
                "+79161234567", "x", null, 1, NOW, null, NOW.plus(Duration.ofHours(24)), null, null, null, null,
                Priority.NORMAL, null, null, null, null);
    }

    private static long evalshaCalls() {
        String info = await(fx.redis.call(c -> c.info("commandstats")));
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha:")) {
                return Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(',')));
            }
        }
        return 0;
    }
}
