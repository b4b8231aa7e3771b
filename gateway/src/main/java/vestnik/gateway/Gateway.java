package vestnik.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import vestnik.gateway.api.SessionApi;
import vestnik.gateway.api.UsersApi;
import vestnik.gateway.users.Accounts;
import vestnik.gateway.users.Login;
import vestnik.gateway.users.LoginThrottle;
import vestnik.gateway.users.Passwords;
import vestnik.gateway.users.Sessions;
import vestnik.gateway.users.UserStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.ChannelRegistry;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import java.util.function.Function;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.contacts.LinkService;
import vestnik.gateway.inbound.CustomerWindow;
import vestnik.gateway.intake.RecipientCompletion;
import vestnik.gateway.optout.OptOutRegistry;
import vestnik.gateway.webhooks.WebhookRegistration;
import vestnik.gateway.api.AdminApi;
import vestnik.gateway.api.ApiRouter;
import vestnik.gateway.api.Apis;
import vestnik.gateway.api.ChannelsApi;
import vestnik.gateway.api.ContactsApi;
import vestnik.gateway.api.EventsApi;
import vestnik.gateway.api.LedgerApi;
import vestnik.gateway.api.SuppressionsApi;
import vestnik.gateway.api.ConversationsApi;
import vestnik.gateway.inbox.ConversationStore;
import vestnik.gateway.inbox.Inbox;
import vestnik.gateway.inbox.InboundConsumer;
import vestnik.gateway.inbox.InboxEvents;
import vestnik.gateway.inbox.SenderResolver;
import vestnik.gateway.api.HealthApi;
import vestnik.gateway.api.HooksApi;
import vestnik.gateway.api.MessageQueryApi;
import vestnik.gateway.api.MessagesApi;
import vestnik.gateway.api.BatchApi;
import vestnik.gateway.api.CampaignsApi;
import vestnik.gateway.api.StatsApi;
import vestnik.gateway.campaign.CampaignService;
import vestnik.gateway.campaign.CampaignRates;
import vestnik.gateway.campaign.CampaignStore;
import vestnik.gateway.campaign.CampaignWindows;
import vestnik.gateway.stats.DeliveryStats;
import vestnik.gateway.stats.Pricing;
import vestnik.templates.preview.Tariff;
import vestnik.gateway.campaign.JobIntake;
import vestnik.gateway.api.TemplatesApi;
import vestnik.gateway.callbacks.CallbackDispatcher;
import vestnik.gateway.callbacks.CallbackMetrics;
import vestnik.gateway.callbacks.CallbackQueue;
import vestnik.gateway.callbacks.CallbackSender;
import vestnik.gateway.callbacks.CallbackTargets;
import vestnik.gateway.config.ConfigException;
import vestnik.gateway.config.GatewayConfig;
import vestnik.gateway.cascade.CascadeService;
import vestnik.gateway.dispatch.ChannelDispatcher;
import vestnik.gateway.dispatch.DispatchContext;
import vestnik.gateway.dispatch.ProviderBreaker;
import vestnik.gateway.dispatch.QueueDepth;
import vestnik.gateway.dispatch.RetryPolicy;
import vestnik.gateway.enforcement.ContactEvents;
import vestnik.gateway.enforcement.InteractionLedger;
import vestnik.gateway.enforcement.PolicyGate;
import vestnik.gateway.enforcement.ReferenceData;
import vestnik.gateway.enforcement.Suppressions;
import vestnik.gateway.policy.TenantPolicy;
import vestnik.gateway.inbound.InboundRecorder;
import vestnik.gateway.inbound.InboundStore;
import vestnik.gateway.intake.JobParser;
import vestnik.gateway.ratelimit.RateLimiter;
import vestnik.gateway.ratelimit.RecipientRateLimiter;
import vestnik.gateway.schedule.DueScheduler;
import vestnik.gateway.status.ReceiptIndex;
import vestnik.gateway.status.ReceiptProcessor;
import vestnik.gateway.status.StatusMetrics;
import vestnik.gateway.store.MessageFeed;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.RedisStore;
import vestnik.gateway.store.Scripts;
import vestnik.gateway.templates.StoredTemplateResolver;
import vestnik.gateway.templates.TemplateCatalog;
import vestnik.gateway.templates.TemplateStore;
import vestnik.gateway.templates.TenantTemplateSettings;
import vestnik.templates.lint.TemplateLinter;
import vestnik.templates.preview.Previewer;
import vestnik.templates.render.TemplateRenderer;

/**
 * The application: configuration → Redis → channels → dispatchers → HTTP. It only wires; each part
 * does its one job. Deployed as a verticle so that all of it runs on one event loop context.
 */
public final class Gateway extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final Duration ORPHAN_RECEIPT_KEEP = Duration.ofHours(1);
    private static final Duration INBOX_STATUS_POLL = Duration.ofMillis(250);

    private final GatewayConfig config;
    private final Clock clock;
    private vestnik.gateway.enforcement.DebtorSessions debtorSessions;
    /** Failed logins allowed per login name within the throttle window before further attempts are refused. */
    private static final int LOGIN_ATTEMPTS = 10;
    private static final java.time.Duration LOGIN_THROTTLE_WINDOW = java.time.Duration.ofMinutes(15);
    private final ChannelRegistry registry;
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final List<ChannelDispatcher> dispatchers = new ArrayList<>();
    private final List<CallbackDispatcher> callbackDispatchers = new ArrayList<>();
    private CallbackSender callbackSender;
    private RedisStore redis;
    private DueScheduler scheduler;
    private CascadeService cascadeService;
    private ReferenceData referenceData;
    private QueueDepth queueDepth;
    private HttpServer server;
    private InboxEvents inboxEvents;
    private InboundConsumer inboundConsumer;

    public Gateway(GatewayConfig config, Clock clock, ChannelRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    public Map<String, Channel> channels() {
        return channels;
    }

    public RedisStore redis() {
        return redis;
    }

    @Override
    public Future<?> start() {
        new JvmMemoryMetrics().bindTo(prometheus);
        return vertx.executeBlocking(() -> RedisStore.open(vertx, config.redis()))
                .compose(store -> {
                    redis = store;
                    return wire();
                });
    }

    private Future<Void> wire() {
        Scripts scripts = new Scripts();
        Duration retention = config.dispatch().retention();
        StatusMetrics metrics = new StatusMetrics(prometheus);
        MessageRepository messages = new MessageRepository(redis, scripts, retention.toSeconds());
        ReceiptIndex receiptIndex = new ReceiptIndex(redis, retention, ORPHAN_RECEIPT_KEEP);
        ReferenceData reference = new ReferenceData(vertx, redis);
        referenceData = reference;
        CascadeService cascades = new CascadeService(messages, channels, clock);
        ReceiptProcessor receipts = new ReceiptProcessor(receiptIndex, messages, cascades, metrics, clock);
        receipts.batchOn(vertx.getOrCreateContext());
        for (Map.Entry<String, JsonNode> e : config.channels().entrySet()) {
            try {
                channels.put(e.getKey(), registry.create(e.getKey(), e.getValue(), vertx, prometheus));
            } catch (IllegalArgumentException ex) {
                return Future.failedFuture(new ConfigException(ex.getMessage(), ex));
            }
        }
        Function<String, ChannelType> channelTypes = id -> {
            Channel c = channels.get(id);
            return c == null ? null : c.type();
        };
        ContactRepository contacts = new ContactRepository(redis, scripts);
        Map<String, java.time.Duration> ledgerRetention = new LinkedHashMap<>();
        config.tenants().forEach(t -> ledgerRetention.put(t.id(), t.policy().ledgerRetention()));
        InteractionLedger ledger = new InteractionLedger(redis,
                t -> ledgerRetention.getOrDefault(t, vestnik.gateway.policy.TenantPolicy.DEFAULT_LEDGER_RETENTION), clock);
        LinkService links = new LinkService(redis, contacts, channels.values(), config.linkTokenTtl(), clock);
        OptOutRegistry optOuts = new OptOutRegistry(redis);
        CustomerWindow windows = new CustomerWindow(redis);
        InboundStore inboundStore = new InboundStore(redis, scripts, retention);
        InboundRecorder recorder = new InboundRecorder(receipts, receiptIndex, inboundStore, links,
                optOuts, windows, channelTypes, metrics, clock);
        WebhookRegistration webhookRegistration = new WebhookRegistration(redis);
        List<Future<Void>> started = new ArrayList<>();
        for (Channel c : channels.values()) {
            // a provider that is down at start must not keep the gateway down: the channel keeps
            // reconnecting and readiness reports it
            started.add(c.start(recorder).recover(ex -> {
                log.warn("channel {} did not start cleanly: {}", c.id(), ex.getMessage());
                return Future.succeededFuture();
            }));
        }
        started.add(reference.start());

        RetryPolicy retries = new RetryPolicy(config.dispatch().maxAttempts(), config.dispatch().retryBase(),
                config.dispatch().retryMax());
        TemplateStore templateStore = new TemplateStore(redis);
        TenantTemplateSettings templateSettings = new TenantTemplateSettings(config.tenants());
        TemplateRenderer renderer = new TemplateRenderer();
        TemplatesApi templatesApi = new TemplatesApi(
                new TemplateCatalog(templateStore, templateSettings, new TemplateLinter(renderer), clock),
                new Previewer(renderer), templateSettings);
        CallbackTargets callbackTargets = new CallbackTargets(config.tenants());
        JobParser parser = new JobParser(id -> Optional.ofNullable(channels.get(id)), config.dispatch(), clock,
                new StoredTemplateResolver(templateStore, renderer, templateSettings), config.routes(), callbackTargets);
        ConversationStore conversationStore = new ConversationStore(redis, retention);
        Map<String, vestnik.gateway.policy.TenantPolicy> tenantPolicies = new LinkedHashMap<>();
        config.tenants().forEach(t -> tenantPolicies.put(t.id(), t.policy()));
        debtorSessions = new vestnik.gateway.enforcement.DebtorSessions(redis, tenantPolicies, clock);
        String fallbackTenant = config.tenants().isEmpty() ? null : config.tenants().get(0).id();
        inboxEvents = new InboxEvents(vertx, redis, new MessageFeed(redis), conversationStore, clock, INBOX_STATUS_POLL);
        Inbox inbox = new Inbox(conversationStore, new SenderResolver(messages, receiptIndex, contacts, conversationStore,
                config.inbox(), fallbackTenant), messages, inboxEvents, clock, debtorSessions);
        inboundConsumer = new InboundConsumer(vertx, redis, inboundStore, inbox, config.instanceId(),
                config.dispatch().reclaimAfter());
        MessagesApi messagesApi = new MessagesApi(messages, parser, new RecipientCompletion(contacts), channelTypes,
                cascades, metrics, clock, inbox::outboundCreated);
        Map<String, ChannelType> configuredTypes = new LinkedHashMap<>();
        channels.keySet().forEach(id -> configuredTypes.put(id, channelTypes.apply(id)));
        ConversationsApi conversationsApi = new ConversationsApi(inbox, messages, parser, new RecipientCompletion(contacts),
                contacts, channelTypes, configuredTypes, new vestnik.gateway.store.DueTimes(redis),
                config.inbox().streamPing(), metrics, clock);
        ContactsApi contactsApi = new ContactsApi(contacts, links, clock);
        JobIntake jobIntake = new JobIntake(messages, parser, new RecipientCompletion(contacts), channelTypes, metrics);
        BatchApi batchApi = new BatchApi(jobIntake);
        CampaignStore campaignStore = new CampaignStore(redis);
        CampaignRates campaignRates = new CampaignRates(vertx, redis, scripts, campaignStore);
        Map<String, Tariff> tariffs = new LinkedHashMap<>();
        config.tenants().forEach(t -> tariffs.put(t.id(), t.tariff()));
        Pricing pricing = new Pricing(id -> tariffs.getOrDefault(id, Tariff.free()), channelTypes);
        CampaignsApi campaignsApi = new CampaignsApi(new CampaignService(jobIntake, campaignStore, messages,
                id -> channels.containsKey(id) ? channels.get(id).ratePerSecond() : 0, config.dispatch().maxTtl(),
                pricing, clock), clock);
        StatsApi statsApi = new StatsApi(new DeliveryStats(redis, pricing, clock));
        ChannelsApi channelsApi = new ChannelsApi(channels::get, webhookRegistration, config.webhooks().publicUrl());
        MessageQueryApi messageQuery = new MessageQueryApi(new MessageFeed(redis));
        HealthApi health = new HealthApi(redis, channels.values());
        HooksApi hooks = new HooksApi(channels::get, recorder, prometheus);
        UserStore userStore = new UserStore(redis);
        Passwords passwords = new Passwords(vertx, config.console().bcryptCost());
        Accounts accounts = new Accounts(userStore, passwords, clock);
        Sessions sessions = new Sessions(redis, config.console().sessionIdle(), config.console().sessionMax(), clock);
        SessionApi sessionApi = new SessionApi(new Login(userStore, passwords, new LoginThrottle(redis, LOGIN_ATTEMPTS,
                LOGIN_THROTTLE_WINDOW, clock)), sessions, userStore, config.console().secureCookie(),
                config.console().sessionMax().toSeconds());
        UsersApi usersApi = new UsersApi(userStore, accounts);
        started.add(accounts.ensureFirstAdmin(config.console().admin()));
        started.add(vestnik.gateway.callbacks.CallbackFilters.publish(redis, config.tenants()));

        return Future.all(started)
                .compose(v -> {
                    List<Future<Void>> dispatching = new ArrayList<>();
                    DispatchContext dispatch = new DispatchContext(vertx, redis, messages, config.instanceId(), retries,
                            receiptIndex, receipts, contacts, optOuts, windows,
                            new RecipientRateLimiter(vertx, redis, scripts), cascades, campaignRates, metrics, clock,
                            config.dispatch().reclaimAfter(), policyGate(contacts, scripts, ledger, receipts, reference),
                            new CampaignWindows(campaignStore, contacts, reference::zones));
                    for (Channel c : channels.values()) {
                        RateLimiter limiter = c.ratePerSecond() > 0
                                ? new RateLimiter(vertx, redis, scripts, redis.keys(), "channel:" + c.id(), c.ratePerSecond())
                                : null;
                        ProviderBreaker breaker = new ProviderBreaker(c.id(), config.dispatch().breakerOpenFor(), prometheus);
                        for (int shard = 0; shard < redis.keys().shards(); shard++) {
                            ChannelDispatcher d = new ChannelDispatcher(dispatch, c, shard, limiter, breaker);
                            dispatchers.add(d);
                            dispatching.add(d.start());
                        }
                    }
                    return Future.all(dispatching);
                })
                .compose(v -> startCallbacks(callbackTargets))
                .compose(v -> inboxEvents.start())
                .compose(v -> inboundConsumer.start())
                .compose(v -> {
                    scheduler = new DueScheduler(vertx, messages, clock, config.dispatch().schedulerInterval());
                    scheduler.start();
                    cascades.startTimeouts(vertx);
                    cascadeService = cascades;
                    queueDepth = new QueueDepth(vertx, redis, channels.keySet(), prometheus);
                    queueDepth.start();
                    return vertx.createHttpServer(new HttpServerOptions()
                                    .setHost(config.http().host())
                                    .setPort(config.http().port())
                                    .setCompressionSupported(true))
                            .requestHandler(ApiRouter.create(vertx, config.tenants(), config.http().maxBodyBytes(),
                                    new Apis(messagesApi, messageQuery, batchApi, campaignsApi, contactsApi, channelsApi,
                                            templatesApi, new EventsApi(new ContactEvents(redis, messages, cascades, ledger, clock,
                                            config.dispatch().maxTtl())),
                                            new LedgerApi(ledger),
                                            new SuppressionsApi(new Suppressions(redis), channels::containsKey, clock),
                                            new AdminApi(reference), conversationsApi, sessionApi, usersApi, hooks, health,
                                            statsApi),
                                    prometheus))
                            .listen();
                })
                .compose(s -> registerWebhooksOnStart(webhookRegistration).map(s))
                .map(s -> {
                    server = s;
                    log.info("Vestnik gateway '{}' listening on {}:{} with {} channel(s): {}", config.instanceId(),
                            config.http().host(), s.actualPort(), channels.size(), channels.keySet());
                    return (Void) null;
                });
    }

    /** The contact policy over the shipped calendar and region table, or null when switched off. */
    private PolicyGate policyGate(ContactRepository contacts, Scripts scripts, InteractionLedger ledger,
                                  ReceiptProcessor receipts, ReferenceData reference) {
        if (!config.dispatch().contactPolicy()) {
            log.warn("dispatch.contactPolicy is off: quiet hours, caps and blocking statuses are NOT enforced");
            return null;
        }
        Map<String, TenantPolicy> policies = new LinkedHashMap<>();
        config.tenants().forEach(t -> policies.put(t.id(), t.policy()));
        PolicyGate gate = new PolicyGate(redis, scripts, contacts, reference, policies, ledger, new Suppressions(redis),
                debtorSessions);
        receipts.whenGivenUp(gate::notAnswered);
        return gate;
    }

    /** Registration failures are logged, not fatal: the provider may be briefly down, and an admin can retry. */
    private Future<Void> registerWebhooksOnStart(WebhookRegistration registration) {
        List<Future<String>> done = new ArrayList<>();
        for (String id : config.webhooks().registerOnStart()) {
            Channel c = channels.get(id);
            if (c.webhooks().isEmpty()) {
                log.warn("channel {} receives no webhooks; webhooks.registerOnStart ignores it", id);
                continue;
            }
            done.add(registration.renewOrRegister(c, config.webhooks().publicUrl())
                    .onFailure(e -> log.warn("channel {}: webhook registration failed: {}", id, e.getMessage()))
                    .recover(e -> Future.succeededFuture("")));
        }
        return Future.all(done).mapEmpty();
    }

    /** One callback dispatcher per shard; they run whether or not a tenant has callbacks today. */
    private Future<Void> startCallbacks(CallbackTargets targets) {
        callbackSender = new CallbackSender(vertx, config.callbacks(), clock);
        CallbackQueue queue = new CallbackQueue(redis, config.callbacks().maxAge());
        CallbackMetrics metrics = new CallbackMetrics(prometheus);
        List<Future<Void>> started = new ArrayList<>();
        for (int shard = 0; shard < redis.keys().shards(); shard++) {
            CallbackDispatcher d = new CallbackDispatcher(vertx, redis, queue, callbackSender, targets, metrics,
                    config.callbacks(), clock, shard, config.instanceId(), config.dispatch().reclaimAfter());
            callbackDispatchers.add(d);
            started.add(d.start());
        }
        return Future.all(started).mapEmpty();
    }

    @Override
    public Future<?> stop() {
        dispatchers.forEach(ChannelDispatcher::stop);
        callbackDispatchers.forEach(CallbackDispatcher::stop);
        if (inboundConsumer != null) {
            inboundConsumer.stop();
        }
        if (inboxEvents != null) {
            inboxEvents.stop();
        }
        if (callbackSender != null) {
            callbackSender.close();
        }
        if (scheduler != null) {
            scheduler.stop();
        }
        if (cascadeService != null) {
            cascadeService.stop(vertx);
        }
        if (referenceData != null) {
            referenceData.stop();
        }
        if (queueDepth != null) {
            queueDepth.stop();
        }
        Future<Void> http = server == null ? Future.succeededFuture() : server.close();
        return http
                .compose(v -> {
                    List<Future<Void>> stops = new ArrayList<>();
                    channels.values().forEach(c -> stops.add(c.stop().recover(e -> Future.succeededFuture())));
                    return Future.all(stops);
                })
                .compose(v -> vertx.executeBlocking(() -> {
                    if (redis != null) {
                        redis.close();
                    }
                    return null;
                }));
    }
}
