package vestnik.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vestnik.channels.spi.ChannelType;
import vestnik.gateway.policy.time.DayWindows;

/**
 * A tenant's contact policy: the law's caps and windows, made stricter if the tenant wants (never looser — the
 * constructor refuses that), an optional default zone for contacts nothing else places (the tenant's own
 * responsibility, recorded as {@code TENANT_DEFAULT}), and whether voice messages count as calls.
 *
 * <p>Configuration ({@code policy:} of a tenant; every key optional):
 * <pre>
 * policy:
 *   defaultZone: Europe/Moscow
 *   caps:
 *     message: {day: 1, week: 3, month: 12}
 *     call: {day: 1, week: 2, month: 6}
 *     callAttempts: {day: 2, minSpacing: 3h}
 *   hours: {working: "09:00-21:00", rest: "10:00-19:00"}
 *   voiceMessagesAsCalls: true
 *   ledgerRetention: P1095D
 *   debtorInitiatedReplies: PT30M
 * </pre>
 *
 * <p>{@code ledgerRetention}: how long the interaction ledger keeps a debtor's records (R-EV-3): 3 years by default
 * (Minjust order 134), never under the 1.5 years that 137-FZ is reported to allow; older records are deleted.
 *
 * <p>{@code debtorInitiatedReplies} (R-CP-7, off unless set, a decision for the tenant's legal owner): an agent's
 * reply inside a conversation the debtor opened — sent while the debtor's last message is younger than this
 * idle time — is not contact "at the creditor's initiative": it counts against no cap and may go in quiet
 * hours. Blocking statuses, opt-outs and payments still stop it; once the session has gone idle, replies follow
 * the ordinary rules (so the creditor never reopens it in quiet hours).
 */
public record TenantPolicy(Caps caps, DayWindows windows, ZoneId defaultZone, boolean voiceMessagesAsCalls,
                           Duration ledgerRetention, Duration debtorInitiatedReplies) {

    /** The longest idle time a debtor-opened session may be given: a day is no longer a conversation. */
    public static final Duration MAX_DEBTOR_SESSION = Duration.ofHours(24);

    public static final Duration DEFAULT_LEDGER_RETENTION = Duration.ofDays(3 * 365);
    public static final Duration MIN_LEDGER_RETENTION = Duration.ofDays(548);

    /** The law as it is: what every tenant gets unless it asks for stricter. */
    public static final TenantPolicy LEGAL = new TenantPolicy(Caps.LEGAL, DayWindows.LEGAL, null, false);

    public TenantPolicy(Caps caps, DayWindows windows, ZoneId defaultZone, boolean voiceMessagesAsCalls) {
        this(caps, windows, defaultZone, voiceMessagesAsCalls, DEFAULT_LEDGER_RETENTION, null);
    }

    public TenantPolicy(Caps caps, DayWindows windows, ZoneId defaultZone, boolean voiceMessagesAsCalls,
                        Duration ledgerRetention) {
        this(caps, windows, defaultZone, voiceMessagesAsCalls, ledgerRetention, null);
    }

    /** The idle time of a debtor-opened session whose replies are exempt, when the tenant enabled it. */
    public Optional<Duration> debtorSession() {
        return Optional.ofNullable(debtorInitiatedReplies);
    }

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(m|h)");

    public TenantPolicy {
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(windows, "windows");
        ledgerRetention = ledgerRetention == null ? DEFAULT_LEDGER_RETENTION : ledgerRetention;
        List<String> problems = new ArrayList<>(caps.loosenings(Caps.LEGAL));
        windows.loosenings(DayWindows.LEGAL).forEach(p -> problems.add("hours: " + p));
        if (ledgerRetention.compareTo(MIN_LEDGER_RETENTION) < 0) {
            problems.add("ledgerRetention " + ledgerRetention.toDays() + " days is shorter than the " + MIN_LEDGER_RETENTION.toDays()
                    + " days the law requires at least");
        }
        if (!problems.isEmpty()) {
            throw PolicyConfigException.relaxing(problems);
        }
    }

    public Optional<ZoneId> defaultZoneId() {
        return Optional.ofNullable(defaultZone);
    }

    /** The contact class of a channel type under this policy. */
    public ContactClass classify(ChannelType type) {
        if (type == ChannelType.VOICE_HTTP && voiceMessagesAsCalls) {
            return ContactClass.CALL;
        }
        return ContactClass.of(type);
    }

    /**
     * Reads the {@code policy} node of a tenant's settings; a missing or null node is the law as it is.
     *
     * @throws PolicyConfigException naming every unknown key, bad value and relaxation
     */
    public static TenantPolicy fromJson(JsonNode policy) {
        if (policy == null || policy.isMissingNode() || policy.isNull()) {
            return LEGAL;
        }
        List<String> problems = new ArrayList<>();
        if (!policy.isObject()) {
            throw new PolicyConfigException(List.of("policy must be an object"));
        }
        unknownKeys(policy, "policy", Set.of("defaultZone", "caps", "hours", "voiceMessagesAsCalls", "ledgerRetention",
                "debtorInitiatedReplies"),
                problems);

        ZoneId zone = null;
        JsonNode z = policy.path("defaultZone");
        if (!z.isMissingNode() && !z.isNull()) {
            try {
                zone = ZoneId.of(z.asText());
            } catch (DateTimeException e) {
                problems.add("policy.defaultZone '" + z.asText() + "' is not an IANA zone such as Europe/Moscow");
            }
        }

        JsonNode c = policy.path("caps");
        unknownKeys(c, "policy.caps", Set.of("message", "call", "callAttempts"), problems);
        CapLimits message = limits(c.path("message"), "policy.caps.message", Caps.LEGAL.message(), problems);
        CapLimits call = limits(c.path("call"), "policy.caps.call", Caps.LEGAL.call(), problems);
        CallAttempts attempts = attempts(c.path("callAttempts"), problems);

        JsonNode h = policy.path("hours");
        unknownKeys(h, "policy.hours", Set.of("working", "rest"), problems);
        DayWindows windows = DayWindows.LEGAL;
        try {
            windows = DayWindows.of(textOrNull(h.path("working")), textOrNull(h.path("rest")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add("policy.hours: " + e.getMessage());
        }

        JsonNode v = policy.path("voiceMessagesAsCalls");
        boolean voiceAsCalls = false;
        if (!v.isMissingNode() && !v.isNull()) {
            if (!v.isBoolean()) {
                problems.add("policy.voiceMessagesAsCalls must be true or false");
            } else {
                voiceAsCalls = v.asBoolean();
            }
        }
        Duration retention = DEFAULT_LEDGER_RETENTION;
        JsonNode r = policy.path("ledgerRetention");
        if (!r.isMissingNode() && !r.isNull()) {
            try {
                retention = Duration.parse(r.asText().trim());
            } catch (DateTimeParseException e) {
                problems.add("policy.ledgerRetention '" + r.asText() + "' is not an ISO-8601 duration such as P1095D");
            }
        }
        Duration session = null;
        JsonNode d = policy.path("debtorInitiatedReplies");
        if (!d.isMissingNode() && !d.isNull()) {
            try {
                session = Duration.parse(d.asText().trim());
                if (session.compareTo(Duration.ofMinutes(1)) < 0 || session.compareTo(MAX_DEBTOR_SESSION) > 0) {
                    problems.add("policy.debtorInitiatedReplies must be between PT1M and PT24H, not " + d.asText());
                }
            } catch (DateTimeParseException e) {
                problems.add("policy.debtorInitiatedReplies '" + d.asText() + "' is not an ISO-8601 duration such as PT30M");
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigException(problems);
        }
        return new TenantPolicy(new Caps(message, call, attempts), windows, zone, voiceAsCalls, retention, session);
    }

    private static CapLimits limits(JsonNode n, String path, CapLimits legal, List<String> problems) {
        unknownKeys(n, path, Set.of("day", "week", "month"), problems);
        int day = count(n.path("day"), path + ".day", legal.day(), problems);
        int week = count(n.path("week"), path + ".week", legal.week(), problems);
        int month = count(n.path("month"), path + ".month", legal.month(), problems);
        return new CapLimits(day, week, month);
    }

    private static CallAttempts attempts(JsonNode n, List<String> problems) {
        String path = "policy.caps.callAttempts";
        unknownKeys(n, path, Set.of("day", "minSpacing"), problems);
        CallAttempts legal = Caps.LEGAL.callAttempts();
        int day = count(n.path("day"), path + ".day", legal.perDay(), problems);
        Duration spacing = legal.minSpacing();
        JsonNode s = n.path("minSpacing");
        if (!s.isMissingNode() && !s.isNull()) {
            Matcher m = SHORT_DURATION.matcher(s.asText().trim().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                spacing = m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
            } else {
                try {
                    spacing = Duration.parse(s.asText().trim());
                } catch (DateTimeParseException e) {
                    problems.add(path + ".minSpacing '" + s.asText() + "' is not a duration such as 2h or 150m");
                }
            }
        }
        return new CallAttempts(day, spacing);
    }

    private static int count(JsonNode n, String path, int fallback, List<String> problems) {
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
            problems.add(path + " must be a whole number of at least 0, not " + n);
            return fallback;
        }
        return n.asInt();
    }

    private static String textOrNull(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static void unknownKeys(JsonNode n, String path, Set<String> known, List<String> problems) {
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        if (!n.isObject()) {
            problems.add(path + " must be an object");
            return;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problems.add(path + "." + k + " is not a setting (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
