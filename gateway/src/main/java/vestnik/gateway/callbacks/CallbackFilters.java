package vestnik.gateway.callbacks;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vestnik.gateway.config.Tenant;
import vestnik.gateway.store.RedisStore;

/**
 * Puts each tenant's callback statuses where the status-changing scripts read them: a status the tenant takes no
 * callbacks for then costs no stream entry, no POST and no retry. Written at every start, so a changed config
 * applies to messages already queued too.
 */
public final class CallbackFilters {

    private CallbackFilters() {
    }

    public static Future<Void> publish(RedisStore redis, List<Tenant> tenants) {
        Map<String, String> filters = new HashMap<>();
        tenants.forEach(t -> {
            String f = t.callbacks().luaFilter();
            if (f != null) {
                filters.put(t.id(), f);
            }
        });
        List<Future<?>> writes = new ArrayList<>();
        for (int shard = 0; shard < redis.keys().shards(); shard++) {
            String key = redis.keys().callbackFilter(shard);
            Future<Long> cleared = redis.call(c -> c.del(key));
            writes.add(filters.isEmpty() ? cleared : cleared.compose(n -> redis.<Long>call(c -> c.hset(key, filters))));
        }
        return Future.all(writes).mapEmpty();
    }
}
