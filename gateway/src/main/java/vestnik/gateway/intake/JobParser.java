package vestnik.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.FailureCodes;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.callbacks.CallbackTargets;
import vestnik.gateway.config.DispatchConfig;
import vestnik.gateway.store.NewMessage;

/**
 * Checks a {@code POST /v1/messages} body and turns it into a message to store. Each problem is an
 * {@link ApiError} naming the field: a caller learns at once what is wrong, before anything is stored.
 * Unknown fields are refused rather than ignored: a mistyped {@code sendat} would otherwise send a
 * message at once, perhaps at night.
 */
public final class JobParser {

    private static final Set<String> FIELDS = Set.of("externalId", "to", "channel", "text", "ttl", "sendAt", "metadata",
            "callbackUrl");
    private static final Set<String> TO_FIELDS = Set.of("phone");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\p{L}\\p{N}._:/@#-]{1,128}");
    private static final int MAX_METADATA_CHARS = 4096;

    private final Function<String, Optional<Channel>> channels;
    private final DispatchConfig dispatch;
    private final Clock clock;
    private final CallbackTargets callbacks;

    public JobParser(Function<String, Optional<Channel>> channels, DispatchConfig dispatch, Clock clock) {
        this(channels, dispatch, clock, CallbackTargets.none());
    }

    public JobParser(Function<String, Optional<Channel>> channels, DispatchConfig dispatch, Clock clock,
                     CallbackTargets callbacks) {
        this.channels = channels;
        this.dispatch = dispatch;
        this.clock = clock;
        this.callbacks = callbacks;
    }

    public NewMessage parse(JsonNode body, String tenantId, String id) {
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
            throw new ApiError(ErrorCode.MISSING_FIELD, "to is required, e.g. {\"phone\":\"+79161234567\"}");
        }
        if (!to.isObject()) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "to must be an object such as {\"phone\":\"+79161234567\"}");
        }
        rejectUnknown(to, TO_FIELDS, "to.");
        String rawPhone = optionalText(to, "phone");
        if (rawPhone == null) {
            throw new ApiError(ErrorCode.INVALID_PHONE, "to.phone is required");
        }
        String phone = PhoneNumbers.toE164(rawPhone).orElseThrow(() -> new ApiError(ErrorCode.INVALID_PHONE,
                "to.phone is not a valid phone number; give it in international form such as +79161234567"));

        String channelId = optionalText(body, "channel");
        if (channelId == null) {
            throw new ApiError(ErrorCode.MISSING_FIELD, "channel is required");
        }
        Channel channel = channels.apply(channelId).orElseThrow(() -> new ApiError(ErrorCode.UNKNOWN_CHANNEL,
                "channel '" + channelId + "' is not configured on this gateway"));

        JsonNode textNode = body.get("text");
        if (textNode != null && !textNode.isNull() && !textNode.isTextual()) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "text must be a string");
        }
        String text = textNode == null || textNode.isNull() ? "" : textNode.asText();
        if (text.isBlank()) {
            throw new ApiError(ErrorCode.TEXT_EMPTY, "text is required and must not be blank");
        }
        Optional<ContentProblem> problem = channel.checkContent(text);
        if (problem.isPresent()) {
            throw new ApiError(errorFor(problem.get()), problem.get().message());
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

        String callbackUrl = callbacks.targetFor(tenantId, optionalText(body, "callbackUrl"));

        return new NewMessage(id, tenantId, externalId, channelId, phone, text, null, channel.segments(text), now,
                sendAt, expiresAt, metadata, callbackUrl);
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
