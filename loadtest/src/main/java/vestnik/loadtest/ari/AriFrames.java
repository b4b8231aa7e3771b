package vestnik.loadtest.ari;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ARI event frames and answers as Asterisk writes them: the shapes of the ARI fixtures
 * ({@code shared/reference/fixtures/ari-*.json}: one PJSIP call from {@code 74951234567} to {@code 79161234567}
 * on 2025-01-15, Moscow time, in the Stasis application {@code ivr-gw}), with the channel id (and what a test
 * varies) replaced. Times are the fixtures' own, so a call's talk time is always the same 12.561 s;
 * {@link #movedTo} brings a frame to today (a gateway drops a debtor's message that is a year old from the
 * conversation, as older than its retention).
 */
public final class AriFrames {

    /** The channel id the fixture files carry. */
    public static final String FIXTURE_CHANNEL = "gw-call-7f3c2a";
    /** When the fixtures' call was created (its channel's {@code creationtime}). */
    public static final Instant FIXTURE_CALL_START = Instant.parse("2025-01-15T11:32:00.302Z");
    /** Asterisk's own time format: milliseconds and a numeric offset without a colon. */
    private static final DateTimeFormatter ASTERISK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);

    private AriFrames() {
    }

    /** A call that entered our Stasis application, answered; {@code args} as the dialplan passed them. */
    public static String stasisStart(String callId, String... args) {
        return event("StasisStart", "2025-01-15T14:32:07.959+0300")
                .put("args", new JsonArray(java.util.List.of((Object[]) args)))
                .put("channel", inStasis(callId))
                .put("asterisk_id", "00:11:22:33:44:55").put("application", "ivr-gw")
                .encode();
    }

    /** A channel variable set, such as {@code AMDSTATUS=MACHINE} from the detector's dialplan. */
    public static String varset(String callId, String variable, String value) {
        return event("ChannelVarset", "2025-01-15T14:32:06.800+0300")
                .put("variable", variable).put("value", value)
                .put("channel", inStasis(callId))
                .put("asterisk_id", "00:11:22:33:44:55").put("application", "ivr-gw")
                .encode();
    }

    /** A key pressed by the callee. */
    public static String dtmf(String callId, String digit) {
        return event("ChannelDtmfReceived", "2025-01-15T14:32:15.120+0300")
                .put("digit", digit).put("duration_ms", 120)
                .put("channel", inStasis(callId))
                .put("asterisk_id", "00:11:22:33:44:55").put("application", "ivr-gw")
                .encode();
    }

    /** A playback on the call's channel played to its end. */
    public static String playbackFinished(String callId, String playbackId) {
        return event("PlaybackFinished", "2025-01-15T14:32:13.001+0300")
                .put("playback", new JsonObject()
                        .put("id", playbackId)
                        .put("media_uri", "sound:https://tts.example.com/7f3c2a.wav")
                        .put("target_uri", "channel:" + callId)
                        .put("language", "ru")
                        .put("state", "done"))
                .put("asterisk_id", "00:11:22:33:44:55").put("application", "ivr-gw")
                .encode();
    }

    /** A hangup was asked for the channel, with a Q.850 cause. */
    public static String hangupRequest(String callId, int cause) {
        return event("ChannelHangupRequest", "2025-01-15T14:32:20.500+0300")
                .put("soft", false).put("cause", cause)
                .put("channel", inStasis(callId))
                .put("asterisk_id", "00:11:22:33:44:55").put("application", "ivr-gw")
                .encode();
    }

    /** The answered call's end (Normal Clearing, 14:32:20.520, 12.561 s after {@link #stasisStart}). */
    public static String destroyed(String callId) {
        return event("ChannelDestroyed", "2025-01-15T14:32:20.520+0300")
                .put("cause", 16).put("cause_txt", "Normal Clearing")
                .put("channel", inStasis(callId))
                .put("asterisk_id", "00:11:22:33:44:55").put("application", "ivr-gw")
                .encode();
    }

    /** An unanswered call's end: cause 19 "User alerting, no answer" in the fixture; others as a test needs. */
    public static String destroyedUnanswered(String callId, int cause, String text) {
        return event("ChannelDestroyed", "2025-01-15T14:32:31.000+0300")
                .put("cause", cause).put("cause_txt", text)
                .put("channel", down(callId))
                .put("asterisk_id", "00:11:22:33:44:55").put("application", "ivr-gw")
                .encode();
    }

    /** The Channel object {@code POST /ari/channels} answers: still down, not yet in any application. */
    public static String originateResponse(String callId) {
        return down(callId).encode();
    }

    /**
     * The frame as if its call had been created at {@code callStart}: the event's timestamp and the channel's
     * creationtime move by the same amount, so the spacing of a call's events (and its talk time) stays.
     */
    public static String movedTo(String frame, Instant callStart) {
        Duration by = Duration.between(FIXTURE_CALL_START, callStart);
        JsonObject e = new JsonObject(frame);
        if (e.getString("timestamp") != null) {
            e.put("timestamp", moved(e.getString("timestamp"), by));
        }
        JsonObject channel = e.getJsonObject("channel");
        if (channel != null && channel.getString("creationtime") != null) {
            channel.put("creationtime", moved(channel.getString("creationtime"), by));
        }
        return e.encode();
    }

    private static String moved(String asteriskTime, Duration by) {
        Instant at = OffsetDateTime.parse(asteriskTime, ASTERISK_TIME).toInstant().plus(by);
        return ASTERISK_TIME.format(at.atOffset(MOSCOW));
    }

    private static JsonObject event(String type, String timestamp) {
        return new JsonObject().put("type", type).put("timestamp", timestamp);
    }

    private static JsonObject inStasis(String callId) {
        return channel(callId, "Up", "from-ari", "Stasis", "ivr-gw,campaign-42");
    }

    private static JsonObject down(String callId) {
        return channel(callId, "Down", "default", "", "");
    }

    private static JsonObject channel(String callId, String state, String context, String app, String appData) {
        return new JsonObject()
                .put("id", callId)
                .put("name", "PJSIP/trunk-00000018")
                .put("state", state)
                .put("protocol_id", "")
                .put("caller", new JsonObject().put("name", "").put("number", "74951234567"))
                .put("connected", new JsonObject().put("name", "").put("number", "79161234567"))
                .put("accountcode", "")
                .put("dialplan", new JsonObject()
                        .put("context", context).put("exten", "s").put("priority", 1)
                        .put("app_name", app).put("app_data", appData))
                .put("creationtime", "2025-01-15T14:32:00.302+0300")
                .put("language", "ru");
    }
}
