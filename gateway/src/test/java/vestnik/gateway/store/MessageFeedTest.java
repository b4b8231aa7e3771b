package vestnik.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vestnik.gateway.store.RedisFixture.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vestnik.channels.spi.MessageStatus;
import vestnik.gateway.store.MessageFeed.Page;
import vestnik.gateway.store.MessageFeed.Position;

/** Polling across four shards: one order by change time, pages that neither skip nor repeat. */
class MessageFeedTest {

    @TempDir
    static Path dir;
    static RedisFixture fx;
    static MessageRepository repo;
    static MessageFeed feed;
    static final Instant NOW = Instant.now();

    @BeforeAll
    static void start() throws Exception {
        fx = new RedisFixture(dir, 4);
        repo = new MessageRepository(fx.redis, new Scripts(), Duration.ofDays(30).toSeconds());
        feed = new MessageFeed(fx.redis);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** One message in each shard in turn, created a little apart so that their order is known. */
    private static List<String> createAcrossShards(String tenant, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Ids.nextInShard(fx.redis.keys(), i % 4);
            await(repo.create(new NewMessage(id, tenant, null, "sms", "+79161234567", "x", null, 1, NOW, null,
                    NOW.plus(Duration.ofHours(1)), null)));
            ids.add(id);
            pauseOneMillisecond();
        }
        return ids;
    }

    private static void pauseOneMillisecond() {
        long until = System.nanoTime() + 2_000_000;
        Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> System.nanoTime() >= until);
    }

    private static List<String> ids(Page page) {
        return page.entries().stream().map(e -> e.message().id()).toList();
    }

    @Test
    @DisplayName("messages from every shard come in the order they last changed, page by page, without gaps or repeats")
    void pagesAcrossShards() {
        List<String> created = createAcrossShards("t-pages", 10);
        pauseOneMillisecond();

        List<String> read = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        Position at = Position.START;
        Page page;
        do {
            page = await(feed.page("t-pages", Set.of(), at, 3));
            read.addAll(ids(page));
            more.add(page.more());
            at = page.next();
        } while (page.more());
        assertThat(read).containsExactlyElementsOf(created);
        assertThat(more).containsExactly(true, true, true, false);
        assertThat(await(feed.page("t-pages", Set.of(), at, 3)).entries()).isEmpty();
    }

    @Test
    @DisplayName("a message that changes after a page was read comes again, with its new status, after the others")
    void changedMessageComesAgain() {
        List<String> created = createAcrossShards("t-change", 4);
        pauseOneMillisecond();
        Page first = await(feed.page("t-change", Set.of(), Position.START, 100));
        assertThat(ids(first)).containsExactlyElementsOf(created);

        await(repo.transition(created.get(0), "sms", MessageStatus.CANCELLED, Instant.now(), "by the caller", null, null,
                true, null, Map.of()));
        pauseOneMillisecond();
        Page next = await(feed.page("t-change", Set.of(), first.next(), 100));
        assertThat(next.entries()).singleElement().satisfies(e -> {
            assertThat(e.message().id()).isEqualTo(created.get(0));
            assertThat(e.message().status()).isEqualTo(MessageStatus.CANCELLED);
            assertThat(e.changedAt()).isAfter(first.entries().get(3).changedAt());
        });
    }

    @Test
    @DisplayName("a status filter reads only the indexes of those statuses; several statuses merge in one order")
    void statusFilter() {
        List<String> created = createAcrossShards("t-status", 6);
        await(repo.transition(created.get(1), "sms", MessageStatus.CANCELLED, Instant.now(), "x", null, null, true, null, Map.of()));
        pauseOneMillisecond();
        await(repo.transition(created.get(4), "sms", MessageStatus.SENDING, Instant.now(), "x", null, null, false, null, Map.of()));
        pauseOneMillisecond();

        assertThat(ids(await(feed.page("t-status", EnumSet.of(MessageStatus.QUEUED), Position.START, 100))))
                .containsExactly(created.get(0), created.get(2), created.get(3), created.get(5));
        assertThat(ids(await(feed.page("t-status", EnumSet.of(MessageStatus.CANCELLED, MessageStatus.SENDING), Position.START, 100))))
                .containsExactly(created.get(1), created.get(4));
        assertThat(await(feed.page("t-status", EnumSet.of(MessageStatus.DELIVERED), Position.START, 100)).entries()).isEmpty();
    }

    @Test
    @DisplayName("since starts at a time; another tenant's messages never show; a cursor survives its encoding")
    void sinceTenantAndCursor() {
        createAcrossShards("t-since", 2);
        pauseOneMillisecond();
        Instant since = Instant.now();
        pauseOneMillisecond();
        List<String> later = createAcrossShards("t-since", 2);
        createAcrossShards("t-elsewhere", 2);
        pauseOneMillisecond();

        Page page = await(feed.page("t-since", Set.of(), Position.from(since), 100));
        assertThat(ids(page)).containsExactlyElementsOf(later);
        assertThat(Position.decode(page.next().encode())).contains(page.next());
        assertThat(Position.decode("not-a-cursor")).isEmpty();
    }
}
