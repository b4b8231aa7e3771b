package vestnik.gateway.store;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vestnik.channels.spi.MessageStatus;

/** Every Lua script the gateway runs, loaded once; the transition table comes from {@link MessageStatus}. */
public final class Scripts {

    public final LuaScript intake;
    public final LuaScript intakeMany;
    public final LuaScript claim;
    public final LuaScript claimMany;
    public final LuaScript accepted;
    public final LuaScript acceptedMany;
    public final LuaScript transition;
    public final LuaScript receipt;
    public final LuaScript receiptMany;
    public final LuaScript promote;
    public final LuaScript tokenBucket;
    public final LuaScript tokenBucketMany;
    public final LuaScript ratePenalty;
    public final LuaScript inbound;
    public final LuaScript contactPut;
    public final LuaScript cascadeNext;
    public final LuaScript duePop;
    public final LuaScript policyReserve;
    public final LuaScript policyRelease;

    public Scripts() {
        Map<String, String> placeholders = Map.of("TRANSITIONS", transitionsPrelude(),
                "CLAIM", LuaScript.fragment("claim_one"), "ACCEPTED", LuaScript.fragment("accepted_one"),
                "RECEIPT", LuaScript.fragment("receipt_one"),
                "INTAKE", LuaScript.fragment("intake").replace("--@TRANSITIONS@", ""),
                "BUCKET", LuaScript.fragment("token_bucket"));
        intake = LuaScript.load("intake", placeholders);
        intakeMany = LuaScript.load("intake_many", placeholders);
        claim = LuaScript.load("claim", placeholders);
        claimMany = LuaScript.load("claim_many", placeholders);
        accepted = LuaScript.load("accepted", placeholders);
        acceptedMany = LuaScript.load("accepted_many", placeholders);
        transition = LuaScript.load("transition", placeholders);
        receipt = LuaScript.load("receipt", placeholders);
        receiptMany = LuaScript.load("receipt_many", placeholders);
        promote = LuaScript.load("promote", placeholders);
        tokenBucket = LuaScript.load("token_bucket", placeholders);
        tokenBucketMany = LuaScript.load("token_bucket_many", placeholders);
        ratePenalty = LuaScript.load("rate_penalty", placeholders);
        inbound = LuaScript.load("inbound", placeholders);
        contactPut = LuaScript.load("contact_put", placeholders);
        cascadeNext = LuaScript.load("cascade_next", placeholders);
        duePop = LuaScript.load("due_pop", placeholders);
        policyReserve = LuaScript.load("policy_reserve", placeholders);
        policyRelease = LuaScript.load("policy_release", placeholders);
    }

    /** Lua source of the transition table and the helpers every state-changing script shares. */
    static String transitionsPrelude() {
        String next = Stream.of(MessageStatus.values())
                .map(s -> lua(s) + " = {" + s.successors().stream().map(n -> lua(n) + " = true")
                        .collect(Collectors.joining(", ")) + "}")
                .collect(Collectors.joining(",\n  ", "local NEXT = {\n  ", "\n}\n"));
        return next
                + "local function can_move(from, to)\n"
                + "  local n = NEXT[from]\n"
                + "  return n ~= nil and n[to] == true\n"
                + "end\n"
                + "-- every change pushes back the day a message's personal data is deleted\n"
                + "-- (touch_known: the caller already holds the idempotency key xk, or knows there is none)\n"
                + "local function touch_known(msg_key, ev_key, xk, retention)\n"
                + "  if retention and retention > 0 then\n"
                + "    redis.call('EXPIRE', msg_key, retention)\n"
                + "    redis.call('EXPIRE', ev_key, retention)\n"
                + "    if xk then redis.call('EXPIRE', xk, retention) end\n"
                + "  end\n"
                + "end\n"
                + "local function touch(msg_key, ev_key, retention)\n"
                + "  if retention and retention > 0 then\n"
                + "    touch_known(msg_key, ev_key, redis.call('HGET', msg_key, 'xk'), retention)\n"
                + "  end\n"
                + "end\n"
                + Keys.luaKeyFunctions()
                + STATUS_CHANGED;
    }

    /**
     * Every move of a message, recorded the same way by every script (call it after the hash holds the
     * new status): the history line; the tenant's polling index for the new status (the message leaves
     * the old one), scored by Redis's own clock so that gateways with skewed clocks never reorder it, with
     * entries past the retention dropped as the messages themselves are; and, only when the message has
     * a callback target ({@code cbu}), a callback event numbered per message ({@code cbn}), so upstreams
     * get ordered, deduplicable event ids. A message without a target adds nothing to the stream, nor does a
     * status its tenant takes no callbacks for ({@link Keys#callbackFilter}).
     */
    private static final String STATUS_CHANGED = """
            -- Redis's clock, read once per script call: the changes one call makes (a batch's) share one time
            local script_now_ms = nil
            local trimmed_indexes = {}
            -- keys given their expiry in this call, and tenants' callback filters read in it: a batch's changes
            -- touch the same few keys, and setting one expiry twice in one call changes nothing
            local expired_once = {}
            local callback_filters = {}
            local function expire_once(key, ttl)
              if not expired_once[key] then
                expired_once[key] = true
                redis.call('EXPIRE', key, ttl)
              end
            end
            local function redis_now_ms()
              if not script_now_ms then
                local t = redis.call('TIME')
                script_now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
              end
              return script_now_ms
            end
            -- a contact's messages that may still go out, for cancelling them all on a payment
            -- (known: {tenant, contact} when the caller has read them already)
            local function index_pending(msg_key, to, retention, known)
              local prefix, id = shard_of(msg_key)
              local m = known or redis.call('HMGET', msg_key, 't', 'ci')
              if not prefix or not m[1] or not m[2] then
                return
              end
              local key = contact_pending_key(prefix, m[1], m[2])
              if to == 'queued' or to == 'scheduled' or to == 'sending' or to == 'sent' then
                redis.call('SADD', key, id)
                local keep = tonumber(retention) or 0
                if keep > 0 then
                  expire_once(key, keep)
                end
              else
                redis.call('SREM', key, id)
                -- a set emptied here is deleted: if this call adds to it again, it needs its expiry again
                expired_once[key] = nil
              end
            end
            -- the counters a change adds to: the tenant's day (per UTC hour and channel, kept four days) and the
            -- campaign's running totals; a deferral's reason ('dfr', set by the deferring transition) counts in the
            -- campaign while the message waits, and once in the day's figures
            -- m: the message's 'c', 'dfr', 'pn', 'sg', as the caller read them
            local function count_change(msg_key, prefix, tenant, campaign, from, to, now, m)
              if from == to then
                return
              end
              local channel = m[1]
              local deferral, undeferred = nil, nil
              if m[2] then
                if from == 'sending' and to == 'queued' then
                  deferral = m[2]
                elseif from == 'queued' then
                  undeferred = m[2]
                  redis.call('HDEL', msg_key, 'dfr')
                end
              end
              local out = {sent = true, delivered = true, read = true}
              local handed = out[to] and not (from and out[from])
              local parts = tonumber(m[3] or m[4] or '1') or 1
              if campaign then
                local counts = campaign_counts_key(prefix, campaign)
                if deferral then redis.call('HINCRBY', counts, 'dfr:' .. deferral, 1) end
                if undeferred then redis.call('HINCRBY', counts, 'dfr:' .. undeferred, -1) end
                if handed and channel then
                  redis.call('HINCRBY', counts, '+sent:' .. channel, 1)
                  redis.call('HINCRBY', counts, '+parts:' .. channel, parts)
                end
              end
              if not channel then
                return
              end
              local day = tenant_day_key(prefix, tenant, math.floor(now / 86400000))
              local f = tostring(math.floor(now / 3600000) % 24) .. '|' .. channel .. '|'
              local n = 0
              if not from then
                redis.call('HINCRBY', day, f .. 'accepted', 1)
                n = n + 1
              end
              if handed then
                redis.call('HINCRBY', day, f .. 'sent', 1)
                redis.call('HINCRBY', day, f .. 'parts', parts)
                n = n + 1
              end
              if to == 'delivered' or to == 'read' or to == 'failed' or to == 'expired' or to == 'rejected'
                  or to == 'cancelled' then
                redis.call('HINCRBY', day, f .. to, 1)
                n = n + 1
              end
              if deferral then
                redis.call('HINCRBY', day, f .. 'deferred:' .. deferral, 1)
                n = n + 1
              end
              if n > 0 then
                expire_once(day, 345600)
              end
            end
            local function status_changed(msg_key, ev_key, from, to, event_json, retention)
              redis.call('RPUSH', ev_key, event_json)
              local prefix, id = shard_of(msg_key)
              -- one read for everything below; the caller gets it back (m[10] is the idempotency key, for touch_known)
              local m = redis.call('HMGET', msg_key, 't', 'cbu', 'x', 'c', 'ec', 'ecl', 'epc', 'cmp', 'ci', 'xk', 'dfr', 'pn',
                'sg')
              local tenant = m[1]
              if not prefix or not tenant then
                return m
              end
              index_pending(msg_key, to, retention, {tenant, m[9]})
              local now = redis_now_ms()
              local keep = tonumber(retention) or 0
              local index = tenant_status_index_key(prefix, tenant, to)
              redis.call('ZADD', index, now, id)
              if keep > 0 and not trimmed_indexes[index] then
                -- once per index and call: with one time per call, a second trim and expiry would change nothing
                trimmed_indexes[index] = true
                redis.call('ZREMRANGEBYSCORE', index, '-inf', '(' .. (now - keep * 1000))
                redis.call('EXPIRE', index, keep)
              end
              if from and from ~= to then
                local left = tenant_status_index_key(prefix, tenant, from)
                redis.call('ZREM', left, id)
                -- an index emptied here is deleted: if this call adds to it again, it needs its expiry again
                trimmed_indexes[left] = nil
              end
              if m[8] and from ~= to then
                -- a campaign's messages per status, counted in the message's own shard
                local counts = campaign_counts_key(prefix, m[8])
                redis.call('HINCRBY', counts, to, 1)
                if from then
                  redis.call('HINCRBY', counts, from, -1)
                end
                if keep > 0 then
                  expire_once(counts, keep)
                end
              end
              count_change(msg_key, prefix, tenant, m[8], from, to, now, {m[4], m[11], m[12], m[13]})
              local wanted = nil
              if m[2] then
                local fk = prefix .. '|' .. tenant
                if callback_filters[fk] == nil then
                  callback_filters[fk] = redis.call('HGET', callback_filter_key(prefix), tenant) or ''
                end
                wanted = callback_filters[fk]
              end
              if m[2] and (wanted == '' or string.find(wanted, ',' .. to .. ',', 1, true)) then
                local e = cjson.decode(event_json)
                local f = {'id', id, 'n', redis.call('HINCRBY', msg_key, 'cbn', 1), 't', tenant, 'u', m[2],
                  'st', to, 'at', e.at or ''}
                local function add(k, v)
                  if v and v ~= '' then
                    f[#f + 1] = k
                    f[#f + 1] = v
                  end
                end
                add('x', m[3])
                add('c', m[4])
                add('d', e.detail)
                if to == 'failed' or to == 'expired' or to == 'rejected' then
                  add('ec', m[5])
                  add('ecl', m[6])
                  add('epc', m[7])
                end
                redis.call('XADD', callback_events_key(prefix), '*', unpack(f))
              end
              return m
            end
            """;

    private static String lua(MessageStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
