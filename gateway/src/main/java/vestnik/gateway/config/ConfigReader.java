package vestnik.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vestnik.gateway.cascade.RouteParser;
import vestnik.gateway.cascade.RouteStep;
import vestnik.gateway.policy.PolicyConfigException;
import vestnik.gateway.policy.TenantPolicy;
import vestnik.gateway.callbacks.CallbackUrls;

/** Turns the merged YAML tree into {@link GatewayConfig}, naming the key of anything invalid. */
public final class ConfigReader {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final int MIN_CALLBACK_SECRET = 16;

    private ConfigReader() {
    }

    public static GatewayConfig load(Path file, Map<String, String> env) {
        return read(ConfigTree.load(file, env));
    }

    public static GatewayConfig read(ObjectNode tree) {
        String instanceId = text(tree, "instanceId", "");
        if (instanceId.isBlank()) {
            instanceId = hostName();
        }
        JsonNode http = tree.path("http");
        HttpConfig httpConfig = new HttpConfig(
                text(http, "host", "0.0.0.0"),
                intIn(http, "http.port", "port", 0, 65535),
                intIn(http, "http.maxBodyBytes", "maxBodyBytes", 1024, 16 * 1024 * 1024));

        JsonNode redis = tree.path("redis");
        String appendfsync = text(redis, "appendfsync", "everysec").toLowerCase(Locale.ROOT);
        if (!appendfsync.equals("everysec") && !appendfsync.equals("always")) {
            throw new ConfigException("redis.appendfsync must be everysec or always, not '" + appendfsync + "'");
        }
        RedisConfig redisConfig = new RedisConfig(
                text(redis, "uri", "embedded"),
                Path.of(text(redis, "dataDir", "./data")).toAbsolutePath().normalize(),
                bool(redis, "redis.cluster", "cluster"),
                intIn(redis, "redis.shards", "shards", 1, 1024),
                appendfsync);
        if (!redisConfig.embedded() && !redisConfig.uri().startsWith("redis://") && !redisConfig.uri().startsWith("rediss://")) {
            throw new ConfigException("redis.uri must be 'embedded' or a redis:// or rediss:// URI");
        }

        JsonNode d = tree.path("dispatch");
        DispatchConfig dispatch = new DispatchConfig(
                duration(d, "dispatch.reclaimAfter", "reclaimAfter"),
                intIn(d, "dispatch.maxAttempts", "maxAttempts", 1, 1000),
                duration(d, "dispatch.retryBase", "retryBase"),
                duration(d, "dispatch.retryMax", "retryMax"),
                duration(d, "dispatch.defaultTtl", "defaultTtl"),
                duration(d, "dispatch.maxTtl", "maxTtl"),
                duration(d, "dispatch.schedulerInterval", "schedulerInterval"),
                duration(d, "dispatch.retention", "retention"),
                duration(d, "dispatch.breakerOpenFor", "breakerOpenFor"),
                bool(d, "dispatch.contactPolicy", "contactPolicy"));

        JsonNode cb = tree.path("callbacks");
        CallbacksConfig callbacks = new CallbacksConfig(
                duration(cb, "callbacks.timeout", "timeout"),
                duration(cb, "callbacks.retryBase", "retryBase"),
                duration(cb, "callbacks.retryMax", "retryMax"),
                duration(cb, "callbacks.maxAge", "maxAge"),
                intIn(cb, "callbacks.perHostConcurrency", "perHostConcurrency", 1, 1024),
                duration(cb, "callbacks.pollInterval", "pollInterval"));

        JsonNode w = tree.path("webhooks");
        String publicUrl = text(w, "publicUrl", "").trim();
        if (!publicUrl.isEmpty() && !publicUrl.startsWith("https://")) {
            throw new ConfigException("webhooks.publicUrl must start with https:// (providers push only to TLS)");
        }
        List<String> registerOnStart = new ArrayList<>();
        w.path("registerOnStart").forEach(n -> registerOnStart.add(n.asText()));
        Map<String, JsonNode> channels = channels(tree.path("channels"));
        for (String id : registerOnStart) {
            if (!channels.containsKey(id)) {
                throw new ConfigException("webhooks.registerOnStart names '" + id + "', which is not a configured channel");
            }
        }
        if (!registerOnStart.isEmpty() && publicUrl.isEmpty()) {
            throw new ConfigException("webhooks.registerOnStart needs webhooks.publicUrl");
        }
        List<Tenant> tenants = tenants(tree.path("tenants"));
        return new GatewayConfig(instanceId, httpConfig, redisConfig, dispatch,
                new WebhooksConfig(publicUrl, registerOnStart),
                duration(tree.path("contacts"), "contacts.linkTokenTtl", "linkTokenTtl"),
                tenants, channels, routes(tree.path("routes"), channels.keySet()), callbacks,
                inbox(tree.path("inbox"), channels.keySet(), tenants),
                console(tree.path("console"), tenants));
    }

    private static ConsoleConfig console(JsonNode node, List<Tenant> tenants) {
        Set<String> known = Set.of("admin", "sessionIdle", "sessionMax", "secureCookie", "bcryptCost");
        node.fieldNames().forEachRemaining(n -> {
            if (!known.contains(n)) {
                throw new ConfigException("console has unknown key '" + n + "' " + new java.util.TreeSet<>(known));
            }
        });
        Optional<ConsoleConfig.FirstAdmin> admin = Optional.empty();
        JsonNode a = node.path("admin");
        if (a.isObject() && !text(a, "login", "").isBlank()) {
            String named = text(a, "tenant", "").trim();
            String tenant = named.isEmpty() && !tenants.isEmpty() ? tenants.get(0).id() : named;
            if (tenants.stream().noneMatch(t -> t.id().equals(tenant))) {
                throw new ConfigException("console.admin.tenant names an unknown tenant '" + tenant + "'");
            }
            String password = text(a, "password", "");
            if (password.length() < vestnik.gateway.users.PasswordRules.MIN_LENGTH) {
                throw new ConfigException("console.admin.password must have at least "
                        + vestnik.gateway.users.PasswordRules.MIN_LENGTH
                        + " characters (set it in the file or VESTNIK_CONSOLE_ADMIN_PASSWORD)");
            }
            String login = text(a, "login", "").trim();
            if (!vestnik.gateway.users.PasswordRules.validLogin(login)) {
                throw new ConfigException("console.admin.login must be 3-64 letters, digits, '.', '_', '-' or '@'");
            }
            admin = Optional.of(new ConsoleConfig.FirstAdmin(tenant, login, text(a, "name", "Administrator"), password));
        }
        Duration idle = node.has("sessionIdle") ? duration(node, "console.sessionIdle", "sessionIdle")
                : ConsoleConfig.DEFAULTS.sessionIdle();
        Duration max = node.has("sessionMax") ? duration(node, "console.sessionMax", "sessionMax")
                : ConsoleConfig.DEFAULTS.sessionMax();
        if (max.compareTo(idle) < 0) {
            throw new ConfigException("console.sessionMax must not be shorter than console.sessionIdle");
        }
        return new ConsoleConfig(admin, idle, max,
                node.has("secureCookie") ? bool(node, "console.secureCookie", "secureCookie") : false,
                node.has("bcryptCost") ? intIn(node, "console.bcryptCost", "bcryptCost", 4, 16)
                        : ConsoleConfig.DEFAULTS.bcryptCost());
    }

    private static InboxConfig inbox(JsonNode node, Set<String> channelIds, List<Tenant> tenants) {
        if (node.isMissingNode() || node.isNull()) {
            return InboxConfig.DEFAULTS;
        }
        Set<String> tenantIds = new HashSet<>();
        tenants.forEach(t -> tenantIds.add(t.id()));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("channelTenants") && !n.equals("defaultTenant") && !n.equals("streamPing")) {
                throw new ConfigException("inbox has unknown key '" + n + "' (channelTenants, defaultTenant, streamPing)");
            }
        }
        Map<String, String> channelTenants = new LinkedHashMap<>();
        JsonNode ct = node.path("channelTenants");
        if (!ct.isMissingNode() && !ct.isObject()) {
            throw new ConfigException("inbox.channelTenants must be a mapping of channel id to tenant id");
        }
        ct.fields().forEachRemaining(e -> {
            if (!channelIds.contains(e.getKey())) {
                throw new ConfigException("inbox.channelTenants names '" + e.getKey() + "', which is not a configured channel");
            }
            if (!tenantIds.contains(e.getValue().asText())) {
                throw new ConfigException("inbox.channelTenants." + e.getKey() + " names an unknown tenant '"
                        + e.getValue().asText() + "'");
            }
            channelTenants.put(e.getKey(), e.getValue().asText());
        });
        String defaultTenant = node.hasNonNull("defaultTenant") ? node.get("defaultTenant").asText() : null;
        if (defaultTenant != null && !tenantIds.contains(defaultTenant)) {
            throw new ConfigException("inbox.defaultTenant names an unknown tenant '" + defaultTenant + "'");
        }
        java.time.Duration ping = node.has("streamPing") ? duration(node, "inbox.streamPing", "streamPing")
                : InboxConfig.DEFAULT_STREAM_PING;
        if (ping.toMillis() < 100 || ping.compareTo(java.time.Duration.ofMinutes(5)) > 0) {
            throw new ConfigException("inbox.streamPing must be between 0.1 s and 5 minutes");
        }
        return new InboxConfig(channelTenants, defaultTenant, ping);
    }

    private static List<Tenant> tenants(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigException("tenants must be a list");
        }
        List<Tenant> tenants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> keyHashes = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode t = node.get(i);
            String where = "tenants[" + i + "]";
            String id = text(t, "id", "");
            if (!ID.matcher(id).matches()) {
                throw new ConfigException(where + ".id must be 1-64 letters, digits, '-' or '_'");
            }
            if (!ids.add(id)) {
                throw new ConfigException(where + ".id '" + id + "' is used twice");
            }
            List<ApiKey> keys = new ArrayList<>();
            JsonNode keyNodes = t.path("apiKeys");
            for (int k = 0; k < keyNodes.size(); k++) {
                JsonNode kn = keyNodes.get(k);
                String kw = where + ".apiKeys[" + k + "]";
                String plain = text(kn, "key", "");
                String hash = text(kn, "keyHash", "").toLowerCase(Locale.ROOT);
                if (plain.isEmpty() == hash.isEmpty()) {
                    throw new ConfigException(kw + " needs exactly one of key (plain) or keyHash (SHA-256 hex)");
                }
                if (!plain.isEmpty() && plain.length() < 12) {
                    throw new ConfigException(kw + ".key is shorter than 12 characters");
                }
                if (!hash.isEmpty() && !hash.matches("[0-9a-f]{64}")) {
                    throw new ConfigException(kw + ".keyHash must be 64 hex digits");
                }
                String keyHash = plain.isEmpty() ? hash : ApiKey.hash(plain);
                if (!keyHashes.add(keyHash)) {
                    throw new ConfigException(kw + " repeats a key already given");
                }
                EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                JsonNode rn = kn.path("roles");
                for (int r = 0; r < rn.size(); r++) {
                    String name = rn.get(r).asText();
                    roles.add(Role.fromName(name).orElseThrow(() -> new ConfigException(
                            kw + ".roles has unknown role '" + name + "' (upstream, agent, marketer, admin)")));
                }
                if (roles.isEmpty()) {
                    throw new ConfigException(kw + ".roles must name at least one role");
                }
                keys.add(new ApiKey(id, keyHash, roles));
            }
            String name = text(t, "name", id);
            tenants.add(new Tenant(id, name, keys, TemplateSettingsReader.profile(t, where, name),
                    TemplateSettingsReader.tariff(t, where), TemplateSettingsReader.lint(t, where),
                    tenantCallbacks(t.path("callbacks"), where + ".callbacks"), tenantPolicy(t.path("policy"), where)));
        }
        return tenants;
    }

    private static TenantPolicy tenantPolicy(JsonNode node, String where) {
        try {
            return TenantPolicy.fromJson(node);
        } catch (PolicyConfigException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
    }

    /** Named cascades: {@code routes: {viber-then-sms: [{channel: vb, waitFor: delivered, timeout: PT10M}, {channel: sms}]}}. */
    private static Map<String, List<RouteStep>> routes(JsonNode node, java.util.Set<String> channelIds) {
        Map<String, List<RouteStep>> routes = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return routes;
        }
        if (!node.isObject()) {
            throw new ConfigException("routes must be a mapping of route name to its steps");
        }
        node.fields().forEachRemaining(e -> {
            String where = "routes." + e.getKey();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new ConfigException(where + " must be a list of steps");
            }
            List<RouteStep> steps = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                steps.add(RouteParser.step(e.getValue().get(i), where + "[" + i + "]", channelIds::contains,
                        (code, message) -> new ConfigException(message)));
            }
            routes.put(e.getKey(), List.copyOf(steps));
        });
        return routes;
    }

    /** {@code callbacks: {url, secret}}: a URL needs a secret, because unsigned callbacks are not offered. */
    private static TenantCallbacks tenantCallbacks(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return TenantCallbacks.NONE;
        }
        if (!node.isObject()) {
            throw new ConfigException(where + " must be a mapping {url, secret}");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("url") && !n.equals("secret") && !n.equals("statuses")) {
                throw new ConfigException(where + " has unknown key '" + n + "' (url, secret, statuses)");
            }
        }
        String url = text(node, "url", "").trim();
        String secret = text(node, "secret", "");
        if (!url.isEmpty()) {
            CallbackUrls.problem(url).ifPresent(p -> {
                throw new ConfigException(where + ".url " + p);
            });
        }
        if (secret.isEmpty()) {
            if (!url.isEmpty()) {
                throw new ConfigException(where + ".secret is required: callbacks are always signed");
            }
            return TenantCallbacks.NONE;
        }
        if (secret.length() < MIN_CALLBACK_SECRET) {
            throw new ConfigException(where + ".secret is shorter than " + MIN_CALLBACK_SECRET + " characters");
        }
        java.util.Set<vestnik.channels.spi.MessageStatus> statuses = java.util.EnumSet.noneOf(vestnik.channels.spi.MessageStatus.class);
        JsonNode st = node.path("statuses");
        if (!st.isMissingNode() && !st.isNull()) {
            if (!st.isArray() || st.isEmpty()) {
                throw new ConfigException(where + ".statuses must be a list of statuses, e.g. [delivered, failed]; leave it out for all");
            }
            for (JsonNode s : st) {
                statuses.add(vestnik.channels.spi.MessageStatus.fromWireName(s.asText()).orElseThrow(() ->
                        new ConfigException(where + ".statuses names an unknown status '" + s.asText() + "'")));
            }
        }
        return new TenantCallbacks(url.isEmpty() ? null : url, secret, statuses);
    }

    private static Map<String, JsonNode> channels(JsonNode node) {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return channels;
        }
        if (!node.isObject()) {
            throw new ConfigException("channels must be a mapping of channel id to its settings");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ID.matcher(e.getKey()).matches()) {
                throw new ConfigException("channels." + e.getKey() + ": a channel id is 1-64 letters, digits, '-' or '_'");
            }
            if (!e.getValue().isObject()) {
                throw new ConfigException("channels." + e.getKey() + " must be a mapping");
            }
            channels.put(e.getKey(), e.getValue());
        }
        return channels;
    }

    static String text(JsonNode node, String key, String fallback) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static boolean bool(JsonNode node, String path, String key) {
        String v = text(node, key, "false").trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new ConfigException(path + " must be true or false");
    }

    private static int intIn(JsonNode node, String path, String key, int min, int max) {
        String v = text(node, key, "");
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ConfigException(path + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(path + " must be a whole number, not '" + v + "'");
        }
    }

    private static Duration duration(JsonNode node, String path, String key) {
        String v = text(node, key, "");
        Duration d = parseDuration(v);
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(path + " must be a positive duration such as PT30S or 30s, not '" + v + "'");
        }
        return d;
    }

    /** ISO-8601 ({@code PT30S}, {@code P1D}) or short forms ({@code 500ms}, {@code 30s}, {@code 5m}); null if neither. */
    public static Duration parseDuration(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.trim();
        Matcher m = SHORT_DURATION.matcher(s.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "vestnik-1";
        }
    }
}
