package vestnik.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.gateway.contacts.ContactParser;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.FailureCodes;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.callbacks.CallbackTargets;
import vestnik.gateway.config.DispatchConfig;
import vestnik.gateway.store.NewMessage;
import vestnik.gateway.store.Priority;
import vestnik.gateway.cascade.Cascade;
import vestnik.gateway.cascade.RouteParser;
import vestnik.gateway.cascade.RouteStep;

/**
 * Checks a {@code POST /v1/messages} body and turns it into a message to store. Each problem is an
 * {@link ApiError} naming the field: a caller learns at once what is wrong, before anything is stored.
 * Unknown fields are refused rather than ignored: a mistyped {@code sendat} would otherwise send a
 * message at once, perhaps at night. A job names either a {@code text} or a {@code template} (with its
 * {@code variables} and, optionally, a pinned {@code templateVersion}); a template is rendered here, at intake,
 * so the text stored is the text sent.
 */
public final class JobParser {

    private static final Set<String> FIELDS = Set.of("externalId", "to", "channel", "text", "ttl", "sendAt", "metadata",
            "template", "templateVersion", "variables", "whatsappTemplate", "email", "ivr", "priority", "route",
            "callbackUrl");
    private static final Set<String> TO_FIELDS = Set.of("phone", "contactId", "email", "timezone", "region");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\p{L}\\p{N}._:/@#-]{1,128}");
    private static final int MAX_METADATA_CHARS = 4096;

    private final Function<String, Optional<Channel>> channels;
    private final DispatchConfig dispatch;
    private final Clock clock;
    private final TemplateResolver templates;
    private final Map<String, List<RouteStep>> routes;
    private final CallbackTargets callbacks;

    public JobParser(Function<String, Optional<Channel>> channels, DispatchConfig dispatch, Clock clock) {
        this(channels, dispatch, clock, TemplateResolver.NONE, Map.of(), CallbackTargets.none());
    }

    /**
     * @param routes    the named cascades from the configuration
     * @param callbacks where each tenant's status callbacks go, for jobs that name none of their own
     */
    public JobParser(Function<String, Optional<Channel>> channels, DispatchConfig dispatch, Clock clock,
                     TemplateResolver templates, Map<String, List<RouteStep>> routes, CallbackTargets callbacks) {
        this.routes = routes;
        this.channels = channels;
        this.dispatch = dispatch;
        this.clock = clock;
        this.templates = templates;
        this.callbacks = callbacks;
    }

    /** Any job: a text job at once, a template job once its template is rendered for the channel. */
    public Future<NewMessage> parseJob(JsonNode body, String tenantId, String id) {
        Job job;
        try {
            job = check(body);
        } catch (ApiError e) {
            return Future.failedFuture(e);
        }
        String callbackTarget;
        try {
            callbackTarget = callbacks.targetFor(tenantId, job.callbackUrl());
        } catch (ApiError e) {
            return Future.failedFuture(e);
        }
        if (job.template() == null) {
            return Future.succeededFuture(job.message(id, tenantId, job.text(), null, stepTexts(job, job.text()),
                    callbackTarget));
        }
        if (job.route() == null) {
            return templates.render(tenantId, job.template(), job.templateVersion(), job.channel(), job.variables())
                    .map(r -> job.message(id, tenantId, checkedText(job.channel(), r.text()), r, null, callbackTarget));
        }
        // a cascade carries each step's own rendering: an SMS text for the SMS step, a messenger text for Viber
        List<Future<TemplateResolver.Rendered>> renders = new ArrayList<>();
        for (RouteStep step : job.route()) {
            Channel c = channels.apply(step.channel()).orElseThrow();
            renders.add(templates.render(tenantId, job.template(), job.templateVersion(), c, job.variables()));
        }
        return Future.all(renders).map(all -> {
            List<RouteStep> steps = new ArrayList<>();
            for (int i = 0; i < job.route().size(); i++) {
                RouteStep step = job.route().get(i);
                TemplateResolver.Rendered r = all.resultAt(i);
                steps.add(step.withText(checkedText(channels.apply(step.channel()).orElseThrow(), r.text())));
            }
            return job.message(id, tenantId, steps.get(0).text(), all.resultAt(0), steps, callbackTarget);
        });
    }

    /** A text job; a template job needs the store, so it goes through {@link #parseJob}. */
    public NewMessage parse(JsonNode body, String tenantId, String id) {
        Job job = check(body);
        if (job.template() != null) {
            throw new IllegalStateException("a template job is parsed with parseJob, which renders it");
        }
        return job.message(id, tenantId, job.text(), null, stepTexts(job, job.text()),
                callbacks.targetFor(tenantId, job.callbackUrl()));
    }

    /** A text cascade sends the same text at every step (each checked against its channel at intake). */
    private List<RouteStep> stepTexts(Job job, String text) {
        return job.route() == null ? null : job.route().stream().map(s -> s.withText(text)).toList();
    }

    /** What a job says besides its final text; {@code text} is null for a template job. */
    private record Job(String externalId, String phone, String contactId, String email, String channelId,
                       Channel channel, String text, String template, Integer templateVersion, JsonNode variables,
                       Instant now, Instant sendAt, Instant expiresAt, String metadata, String payload, Priority priority,
                       List<RouteStep> route, String callbackUrl, String jobZone, String jobRegion) {

        NewMessage message(String id, String tenantId, String finalText, TemplateResolver.Rendered rendered,
                           List<RouteStep> steps, String callbackTarget) {
            return new NewMessage(id, tenantId, externalId, channelId, phone, finalText, null,
                    channel.segments(finalText), now, sendAt, expiresAt, metadata, contactId, email, payload, priority,
                    rendered == null ? null : rendered.templateKey(), rendered == null ? null : rendered.templateVersion(),
                    steps == null ? null : new Cascade(id, 0, steps), callbackTarget, jobZone, jobRegion);
        }
    }

    private Job check(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "the body must be a JSON object");
        }
        rejectUnknown(body, FIELDS, "");
        Instant now = clock.instant();

        String externalId = optionalText(body, "externalId");
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw new ApiError(ErrorCode.INVALID_EXTERNAL_ID,
                    "externalId must be 1-128 letters, digits or . _ : / @ # -");
        }

        JsonNode to = body.get("to");
        if (to == null || to.isNull()) {
            throw new ApiError(ErrorCode.MISSING_FIELD, "to is required, e.g. {\"phone\":\"+79161234567\"} or {\"contactId\":\"...\"}");
        }
        if (!to.isObject()) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "to must be an object such as {\"phone\":\"+79161234567\"}");
        }
        rejectUnknown(to, TO_FIELDS, "to.");
        String rawPhone = optionalText(to, "phone");
        String phone = rawPhone == null ? null : PhoneNumbers.toE164(rawPhone).orElseThrow(() -> new ApiError(
                ErrorCode.INVALID_PHONE, "to.phone is not a valid phone number; give it in international form such as +79161234567"));
        String contactId = optionalText(to, "contactId");
        if (contactId != null) {
            ContactParser.checkId(contactId);
        }
        String email = optionalText(to, "email");
        if (email != null) {
            email = email.trim().toLowerCase(java.util.Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                throw new ApiError(ErrorCode.INVALID_EMAIL, "to.email is not a valid e-mail address");
            }
        }
        if (phone == null && contactId == null && email == null) {
            throw new ApiError(ErrorCode.MISSING_FIELD, "to needs a phone, a contactId or an email");
        }
        String jobZone = optionalText(to, "timezone");
        if (jobZone != null) {
            try {
                java.time.ZoneId.of(jobZone);
            } catch (java.time.DateTimeException e) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "to.timezone must be an IANA zone such as Asia/Yekaterinburg");
            }
        }
        String jobRegion = optionalText(to, "region");
        if (jobRegion != null && jobRegion.length() > 200) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "to.region is longer than 200 characters");
        }

        List<RouteStep> route = null;
        JsonNode routeNode = body.get("route");
        if (present(routeNode)) {
            if (present(body.get("channel"))) {
                throw new ApiError(ErrorCode.INVALID_ROUTE, "give either channel or route, not both");
            }
            route = RouteParser.parse(routeNode, routes, id -> channels.apply(id).isPresent());
        }
        String channelId = route != null ? route.get(0).channel() : optionalText(body, "channel");
        if (channelId == null) {
            throw new ApiError(ErrorCode.MISSING_FIELD, "channel (or route) is required");
        }
        Channel channel = channels.apply(channelId).orElseThrow(() -> new ApiError(ErrorCode.UNKNOWN_CHANNEL,
                "channel '" + channelId + "' is not configured on this gateway"));

        JsonNode textNode = body.get("text");
        if (textNode != null && !textNode.isNull() && !textNode.isTextual()) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "text must be a string");
        }
        String template = optionalText(body, "template");
        Integer templateVersion = null;
        JsonNode variables = body.get("variables");
        String text = null;
        if (template == null) {
            if (present(variables) || present(body.get("templateVersion"))) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "variables and templateVersion go with a template");
            }
            String given = textNode == null || textNode.isNull() ? "" : textNode.asText();
            // an approved WhatsApp template carries its own content: a job with one may bring no text
            text = given.isBlank() && present(body.get("whatsappTemplate")) ? given : checkedText(channel, given);
            if (route != null) {
                for (RouteStep step : route) {
                    checkedText(channels.apply(step.channel()).orElseThrow(), given);
                }
            }
        } else {
            if (textNode != null && !textNode.isNull()) {
                throw new ApiError(ErrorCode.TEXT_AND_TEMPLATE, "give either text or template, not both");
            }
            templateVersion = templateVersion(body.get("templateVersion"));
            if (present(variables) && !variables.isObject()) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "variables must be an object such as {\"amount\":\"1234.50\"}");
            }
        }

        Duration ttl = dispatch.defaultTtl();
        String ttlText = optionalText(body, "ttl");
        if (ttlText != null) {
            try {
                ttl = Duration.parse(ttlText);
            } catch (DateTimeParseException e) {
                throw new ApiError(ErrorCode.INVALID_TTL, "ttl must be an ISO-8601 duration such as PT24H");
            }
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(dispatch.maxTtl()) > 0) {
                throw new ApiError(ErrorCode.INVALID_TTL, "ttl must be positive and at most " + dispatch.maxTtl());
            }
        }

        Instant sendAt = null;
        String sendAtText = optionalText(body, "sendAt");
        if (sendAtText != null) {
            try {
                sendAt = Instant.parse(sendAtText);
            } catch (DateTimeParseException e) {
                try {
                    sendAt = java.time.OffsetDateTime.parse(sendAtText).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new ApiError(ErrorCode.INVALID_SEND_AT,
                            "sendAt must be an ISO-8601 instant such as 2026-11-24T09:00:00+03:00");
                }
            }
            if (sendAt.isAfter(now.plus(dispatch.maxTtl()))) {
                throw new ApiError(ErrorCode.INVALID_SEND_AT, "sendAt is more than " + dispatch.maxTtl() + " ahead");
            }
            if (!sendAt.isAfter(now)) {
                sendAt = null;
            }
        }
        Instant expiresAt = (sendAt == null ? now : sendAt).plus(ttl);

        String metadata = null;
        JsonNode md = body.get("metadata");
        if (md != null && !md.isNull()) {
            if (!md.isObject()) {
                throw new ApiError(ErrorCode.INVALID_METADATA, "metadata must be a JSON object");
            }
            metadata = md.toString();
            if (metadata.length() > MAX_METADATA_CHARS) {
                throw new ApiError(ErrorCode.INVALID_METADATA, "metadata must be at most " + MAX_METADATA_CHARS + " characters of JSON");
            }
        }

        String payload = payload(body, channel.type());
        String priorityText = optionalText(body, "priority");
        Priority priority = priorityText == null ? Priority.NORMAL : Priority.fromWireName(priorityText)
                .orElseThrow(() -> new ApiError(ErrorCode.INVALID_PRIORITY, "priority must be high, normal or bulk"));

        String callbackUrl = optionalText(body, "callbackUrl");

        return new Job(externalId, phone, contactId, email, channelId, channel, text, template, templateVersion,
                variables, now, sendAt, expiresAt, metadata, payload, priority, route, callbackUrl, jobZone, jobRegion);
    }

    /** At most one channel-specific content field, and only the one for the job's channel. */
    private static String payload(JsonNode body, ChannelType type) {
        String payload = null;
        for (String field : List.of("whatsappTemplate", "email", "ivr")) {
            JsonNode n = body.get(field);
            if (n == null || n.isNull()) {
                continue;
            }
            ChannelType wanted = switch (field) {
                case "whatsappTemplate" -> ChannelType.WHATSAPP;
                case "email" -> ChannelType.EMAIL;
                default -> ChannelType.ARI;
            };
            if (type != wanted) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, field + " is only for " + wanted.configName() + " channels");
            }
            payload = switch (field) {
                case "whatsappTemplate" -> Payloads.checkWhatsAppTemplate(n);
                case "email" -> Payloads.checkEmail(n);
                default -> Payloads.checkIvr(n);
            };
        }
        return payload;
    }

    private static String checkedText(Channel channel, String text) {
        if (text.isBlank()) {
            throw new ApiError(ErrorCode.TEXT_EMPTY, "text is required and must not be blank");
        }
        Optional<ContentProblem> problem = channel.checkContent(text);
        if (problem.isPresent()) {
            throw new ApiError(errorFor(problem.get()), problem.get().message());
        }
        return text;
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull();
    }

    private static Integer templateVersion(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "templateVersion must be a whole number from 1");
        }
        return v.intValue();
    }

    private static ErrorCode errorFor(ContentProblem p) {
        return switch (p.code()) {
            case FailureCodes.TEXT_EMPTY -> ErrorCode.TEXT_EMPTY;
            case FailureCodes.TEXT_TOO_LONG -> ErrorCode.TEXT_TOO_LONG;
            default -> ErrorCode.INVALID_CONTENT;
        };
    }

    private static void rejectUnknown(JsonNode node, Set<String> allowed, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new ApiError(ErrorCode.UNKNOWN_FIELD, "unknown field '" + prefix + n + "'");
            }
        }
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, field + " must be a string");
        }
        return v.asText();
    }
}
