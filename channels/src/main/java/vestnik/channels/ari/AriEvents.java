package vestnik.channels.ari;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import vestnik.channels.ari.AriEvent.ApplicationReplaced;
import vestnik.channels.ari.AriEvent.ChannelDestroyed;
import vestnik.channels.ari.AriEvent.ChannelVarset;
import vestnik.channels.ari.AriEvent.DtmfReceived;
import vestnik.channels.ari.AriEvent.HangupRequest;
import vestnik.channels.ari.AriEvent.Ignored;
import vestnik.channels.ari.AriEvent.PlaybackFinished;
import vestnik.channels.ari.AriEvent.StasisEnd;
import vestnik.channels.ari.AriEvent.StasisStart;
import vestnik.channels.common.JsonHttp;

/** Reads one ARI WebSocket frame (one JSON event) into an {@link AriEvent}; pure, never throws. */
final class AriEvents {

    /** Asterisk writes {@code 2025-01-15T14:32:07.959+0300}: an offset without a colon. */
    private static final DateTimeFormatter ASTERISK_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    private AriEvents() {
    }

    /**
     * @param receivedAt used when the event carries no readable timestamp
     */
    static AriEvent parse(String frame, Instant receivedAt) {
        JsonNode e;
        try {
            e = JsonHttp.MAPPER.readTree(frame);
        } catch (IOException ex) {
            return new Ignored("unreadable", receivedAt);
        }
        if (e == null || !e.isObject()) {
            return new Ignored("unreadable", receivedAt);
        }
        String type = e.path("type").asText("");
        Instant at = time(e.path("timestamp").asText(null), receivedAt);
        String channel = e.path("channel").path("id").asText(null);
        return switch (type) {
            case "StasisStart" -> channel == null ? new Ignored(type, at)
                    : new StasisStart(channel, texts(e.path("args")), e.path("channel").path("state").asText(null), at);
            case "StasisEnd" -> channel == null ? new Ignored(type, at) : new StasisEnd(channel, at);
            // a global variable has no channel: not ours
            case "ChannelVarset" -> channel == null ? new Ignored(type, at)
                    : new ChannelVarset(channel, e.path("variable").asText(""), e.path("value").asText(""), at);
            case "ChannelDtmfReceived" -> channel == null || e.path("digit").asText("").isEmpty() ? new Ignored(type, at)
                    : new DtmfReceived(channel, e.path("digit").asText(), e.path("duration_ms").asInt(0), at);
            case "PlaybackFinished" -> playbackFinished(e.path("playback"), at);
            case "ChannelHangupRequest" -> channel == null ? new Ignored(type, at)
                    : new HangupRequest(channel, e.path("cause").isInt() ? e.path("cause").asInt() : null,
                            e.path("soft").asBoolean(false), at);
            case "ChannelDestroyed" -> channel == null ? new Ignored(type, at)
                    : new ChannelDestroyed(channel, e.path("cause").asInt(0), e.path("cause_txt").asText(null),
                            e.path("channel").path("state").asText(null), at);
            case "ApplicationReplaced" -> new ApplicationReplaced(e.path("application").asText(null), at);
            default -> new Ignored(type.isEmpty() ? "untyped" : type, at);
        };
    }

    private static AriEvent playbackFinished(JsonNode playback, Instant at) {
        String id = playback.path("id").asText(null);
        String target = playback.path("target_uri").asText("");
        if (id == null || !target.startsWith("channel:")) {
            // a playback on a bridge is not one of ours
            return new Ignored("PlaybackFinished", at);
        }
        return new PlaybackFinished(id, target.substring("channel:".length()), playback.path("state").asText(null), at);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static Instant time(String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text.trim(), ASTERISK_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
