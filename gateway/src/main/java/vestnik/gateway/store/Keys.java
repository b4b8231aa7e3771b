package vestnik.gateway.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Every Redis key name, in one place. A message's hash, its event list, its idempotency key, the
 * queue stream it waits in and the due set all carry the same hash tag {@code {sN}}, so one Lua script
 * can change them atomically even on a Redis Cluster. Receipt and inbound keys are tagged by their own
 * ids: they are read before the message they belong to is known.
 */
public final class Keys {

    private static final String P = "vn:";
    private final int shards;

    public Keys(int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1");
        }
        this.shards = shards;
    }

    public int shards() {
        return shards;
    }

    public int shardOf(String id) {
        if (shards == 1) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    public int shardOfExternalId(String tenantId, String externalId) {
        return shardOf(tenantId + '\n' + externalId);
    }

    private static String tag(int shard) {
        return "{s" + shard + "}";
    }

    public String message(String id) {
        return messagePrefix(shardOf(id)) + id;
    }

    public String events(String id) {
        return eventsPrefix(shardOf(id)) + id;
    }

    /** For scripts that find a shard's messages by id (the due set holds ids only). */
    public String messagePrefix(int shard) {
        return P + tag(shard) + ":msg:";
    }

    public String eventsPrefix(int shard) {
        return P + tag(shard) + ":ev:";
    }

    public String externalId(String tenantId, String externalId) {
        return P + tag(shardOfExternalId(tenantId, externalId)) + ":ext:" + tenantId + ":" + externalId;
    }

    public String queue(int shard, String channelId, Priority priority) {
        return queuePrefix(shard) + channelId + ":" + priority.wireName();
    }

    public String queuePrefix(int shard) {
        return P + tag(shard) + ":q:";
    }

    public String due(int shard) {
        return P + tag(shard) + ":due";
    }

    /** Cascade steps waiting to see whether they reach their {@code waitFor} in time. */
    public String cascadeTimeouts(int shard) {
        return P + tag(shard) + ":cto";
    }

    public String receiptIndex(String channelId, String normalizedProviderId) {
        return P + "rc:{" + channelId + ":" + normalizedProviderId + "}";
    }

    public String orphanReceipt(String channelId, String normalizedProviderId) {
        return P + "ro:{" + channelId + ":" + normalizedProviderId + "}";
    }

    public String inboundFragments(String channelId, String sender, String reference) {
        return P + "mf:{" + channelId + ":" + sender + ":" + reference + "}";
    }

    public String inbound(String id) {
        return P + "in:{" + id + "}";
    }

    public String inboundStream() {
        return P + "inbound";
    }

    public String inboundDedup(String channelId, String dedupKey) {
        return P + "dd:{" + channelId + ":" + dedupKey + "}";
    }

    /** A tenant's contacts and its phone index share the tenant's tag, so one script updates both. */
    public String contact(String tenantId, String contactId) {
        return P + "{t:" + tenantId + "}:ct:" + contactId;
    }

    public String contactByPhone(String tenantId, String phone) {
        return contactPhonePrefix(tenantId) + phone;
    }

    public String contactPhonePrefix(String tenantId) {
        return P + "{t:" + tenantId + "}:cph:";
    }

    /** Every tenant's contact with this phone ("tenant|contact"), for binding by a shared phone number. */
    public String contactsWithPhone(String phone) {
        return P + "phc:{" + phone + "}";
    }

    public String linkToken(String token) {
        return P + "lt:{" + token + "}";
    }

    /** The contacts ("tenant|contact") a messenger user of a channel is bound to. */
    public String binding(String channelId, String channelUserId) {
        return P + "bd:{" + channelId + ":" + channelUserId + "}";
    }

    public String optOut(String channelId, String address) {
        return P + "oo:{" + channelId + ":" + address + "}";
    }

    /** When the debtor last wrote on a channel with a customer-service window (WhatsApp's 24 hours). */
    public String customerWindow(String channelId, String address) {
        return P + "cw:{" + channelId + ":" + address + "}";
    }

    public String webhookSecret(String channelId) {
        return P + "whs:{" + channelId + "}";
    }

    /**
     * The prefix of the contact-policy counters of one debtor of one creditor ({@code subject}: {@code c:<contact>}
     * or {@code p:<phone>} when no contact is known); the suffixes come from {@code CounterKeys}. One hash tag per
     * creditor and debtor, so one script checks and takes every counter of a send together.
     */
    public String policyCounters(String tenantId, String subject) {
        return P + "pc:{" + tenantId + ":" + subject + "}:";
    }

    /** When upstream last reported a payment by the contact ({@code POST /v1/events}), unix ms. */
    public String paymentReceived(String tenantId, String contactId) {
        return P + "{t:" + tenantId + "}:pay:" + contactId;
    }

    /** A number upstream reported invalid ({@code phone_invalid}): later sends to it are rejected. */
    public String phoneInvalid(String tenantId, String phone) {
        return P + "{t:" + tenantId + "}:pinv:" + phone;
    }

    /**
     * A contact's messages in one shard that may still go out (queued, scheduled, sending, sent — a cascade can
     * still move on from a sent step), kept by the status-changing scripts: what a payment cancels.
     */
    public String contactPending(int shard, String tenantId, String contactId) {
        return P + tag(shard) + CONTACT_PENDING + tenantId + ":" + contactId;
    }

    /**
     * Upstream's suppression of an address (E.164 phone or lower-case e-mail) for the tenant: JSON
     * {@code {"channels":["sms"]|[],"reason","at"}}, an empty list meaning every channel.
     */
    public String suppression(String tenantId, String address) {
        return P + "{t:" + tenantId + "}:sup:" + address;
    }

    /** The interaction ledger of one debtor of one creditor ({@code subject} as for {@link #policyCounters}). */
    public String ledger(String tenantId, String subject) {
        return P + "lg:{" + tenantId + ":" + subject + "}";
    }

    /** Uploaded numbering-plan files (name → base64 of the CSV bytes), shared by every gateway. */
    public String referenceNumberingPlan() {
        return P + "ref:plan";
    }

    /** An uploaded production calendar replacing the shipped one. */
    public String referenceCalendar() {
        return P + "ref:calendar";
    }

    /** Bumped on every upload; gateways rebuild their reference data when it changes. */
    public String referenceVersion() {
        return P + "ref:ver";
    }

    public String rateBucket(String name) {
        return P + "rl:{" + name + "}";
    }

    /**
     * One template of a tenant: a hash of its revision, its whole history (JSON) and each published version
     * ({@code v:<n>}, written once). Tagged by tenant, like the tenant's template index, so that one script
     * changes both.
     */
    public String template(String tenantId, String templateKey) {
        return P + "tpl:{" + tenantId + "}:" + templateKey;
    }

    /**
     * A console user (a hash: tenant, login, name, roles, password hash, session version). Users are few and
     * never touched together with other keys by a script, so each key is its own slot.
     */
    public String user(String userId) {
        return P + "user:{" + userId + "}";
    }

    /** Login (lower case) → user id; logins are unique across the gateway so the login form needs no tenant. */
    public String userLogin(String login) {
        return P + "ulogin:{" + login + "}";
    }

    /** A tenant's user ids (a set), for the admin's list. */
    public String tenantUsers(String tenantId) {
        return P + "users:{" + tenantId + "}";
    }

    /** Failed logins for a login name in the current throttle window (a counter with an expiry). */
    public String loginFailures(String login) {
        return P + "ulogin:{" + login + "}:fail";
    }

    /** A console session, named by the SHA-256 of its cookie so a copy of Redis hands out no sessions. */
    public String session(String tokenHash) {
        return P + "sess:{" + tokenHash + "}";
    }

    /** A conversation the debtor opened and is still in (R-CP-7): set by their message, expiring after the idle time. */
    public String debtorSession(String tenantId, String contactId) {
        return P + "{t:" + tenantId + "}:dses:" + contactId;
    }

    /** A campaign: its spec, state and intake counters (a hash). Tagged by the campaign, like its row list. */
    public String campaign(String campaignId) {
        return P + "cmp:{" + campaignId + "}";
    }

    /** A campaign's rows in upload order, each {@code row<TAB>messageId} or {@code row<TAB><TAB>code<TAB>reason}. */
    public String campaignRows(String campaignId) {
        return P + "cmp:{" + campaignId + "}:rows";
    }

    /** A tenant's template keys, each with a one-line summary (JSON): what {@code GET /v1/templates} lists. */
    public String templateIndex(String tenantId) {
        return P + "tpls:{" + tenantId + "}";
    }

    /**
     * The dialogue inbox: a tenant's conversations, their timelines and indexes all carry the tenant's tag.
     * A conversation hash (status, assignee, unread count, last activity, the contact it is about).
     */
    public String conversation(String tenantId, String conversationId) {
        return P + "{t:" + tenantId + "}:cv:" + conversationId;
    }

    /** A conversation's timeline: entries (JSON) scored by when they happened. */
    public String conversationTimeline(String tenantId, String conversationId) {
        return P + "{t:" + tenantId + "}:cvt:" + conversationId;
    }

    public String conversationLabels(String tenantId, String conversationId) {
        return P + "{t:" + tenantId + "}:cvl:" + conversationId;
    }

    /** A tenant's conversations scored by their last activity: what the inbox lists. */
    public String conversationsByActivity(String tenantId) {
        return P + "{t:" + tenantId + "}:cva";
    }

    /** contact id → its one conversation. */
    public String conversationByContact(String tenantId) {
        return P + "{t:" + tenantId + "}:cvc";
    }

    /** message id (ours, or "in:" + an inbound record id) → the conversation it was threaded into. */
    public String conversationOfMessage(String tenantId) {
        return P + "{t:" + tenantId + "}:cvm";
    }

    /** unidentified contact id → the contact an agent merged it into. */
    public String mergedContacts(String tenantId) {
        return P + "{t:" + tenantId + "}:cvx";
    }

    /** The pub/sub channel on which every gateway announces inbox changes to the others' live streams. */
    public String inboxEvents() {
        return P + "inbox:events";
    }

    // Keys that the status-changing scripts reach from a message's key (see luaKeyFunctions): the same
    // hash tag, so they change atomically with the message.
    static final String CALLBACK_EVENTS = ":cb";
    static final String TENANT_STATUS_INDEX = ":ixs:";
    static final String CONTACT_PENDING = ":cpi:";
    static final String CAMPAIGN_COUNTS = ":cmpc:";
    static final String TENANT_DAY_COUNTS = ":sd:";
    static final String CALLBACK_FILTER = ":cbf";

    /**
     * Which statuses each tenant takes callbacks for (a hash tenant → {@code ,delivered,failed,}); a tenant not in
     * it takes them all. One copy per shard, written at start from the config, so the status-changing scripts
     * read it in their message's own slot.
     */
    public String callbackFilter(int shard) {
        return P + tag(shard) + CALLBACK_FILTER;
    }

    /** A campaign's messages in one shard by status (a hash status → count), kept by the status-changing scripts. */
    public String campaignCounts(int shard, String campaignId) {
        return P + tag(shard) + CAMPAIGN_COUNTS + campaignId;
    }

    /**
     * A tenant's status changes and deferrals in one shard on one UTC day ({@code epochDay}: days since 1970-01-01),
     * a hash {@code <UTC hour>|<channel>|<count name>} → count, kept by the status-changing scripts for
     * {@code GET /v1/stats/today}; a local day is summed from the hours of the UTC days it spans, over every shard.
     */
    public String tenantDayCounts(int shard, String tenantId, long epochDay) {
        return P + tag(shard) + TENANT_DAY_COUNTS + tenantId + ":" + epochDay;
    }

    /** A tenant's campaign ids, all scored 0: ids are time-ordered, so the newest sorts last by name. */
    public String campaignsOfTenant(String tenantId) {
        return P + "{t:" + tenantId + "}:cmps";
    }

    /** A shard's stream of status changes to tell upstream systems of (messages with a callback target only). */
    public String callbackEvents(int shard) {
        return P + tag(shard) + CALLBACK_EVENTS;
    }

    /** A message's callback events not yet delivered, scored by their number: they are sent in that order. */
    public String callbackQueue(String messageId) {
        return callbackQueuePrefix(shardOf(messageId)) + messageId;
    }

    public String callbackQueuePrefix(int shard) {
        return P + tag(shard) + ":cbq:";
    }

    /** Messages of a shard with callback events to send, scored by when (a lease while one is in flight). */
    public String callbackDue(int shard) {
        return P + tag(shard) + ":cbd";
    }

    /**
     * A tenant's messages in one shard that are now in {@code status}, scored by the time they reached it
     * (for polling); a message leaves it when its status changes, so each message is in one index only.
     */
    public String tenantStatusIndex(int shard, String tenantId, String status) {
        return P + tag(shard) + TENANT_STATUS_INDEX + status + ":" + tenantId;
    }

    /**
     * Lua that derives the keys above from a message's key, for the helpers every status-changing
     * script shares: {@code shard_of(msg_key)} answers the shard's key prefix and the message id.
     */
    static String luaKeyFunctions() {
        return "local function shard_of(msg_key)\n"
                + "  return string.match(msg_key, '^(" + P + "{s%d+}):msg:(.+)$')\n"
                + "end\n"
                + "local function callback_events_key(prefix) return prefix .. '" + CALLBACK_EVENTS + "' end\n"
                + "local function callback_filter_key(prefix) return prefix .. '" + CALLBACK_FILTER + "' end\n"
                + "local function campaign_counts_key(prefix, campaign) return prefix .. '" + CAMPAIGN_COUNTS + "' .. campaign end\n"
                + "local function tenant_day_key(prefix, tenant, day)\n"
                + "  return prefix .. '" + TENANT_DAY_COUNTS + "' .. tenant .. ':' .. day\n"
                + "end\n"
                + "local function tenant_status_index_key(prefix, tenant, status)\n"
                + "  return prefix .. '" + TENANT_STATUS_INDEX + "' .. status .. ':' .. tenant\n"
                + "end\n"
                + "local function contact_pending_key(prefix, tenant, contact)\n"
                + "  return prefix .. '" + CONTACT_PENDING + "' .. tenant .. ':' .. contact\n"
                + "end\n";
    }
}
