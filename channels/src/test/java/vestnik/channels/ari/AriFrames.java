package vestnik.channels.ari;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vestnik.channels.testing.Fixtures;

/** ARI event frames built from the fixture files, with the channel id (and what a test varies) replaced. */
final class AriFrames {

    static final String FIXTURE_CHANNEL = "gw-call-7f3c2a";

    private AriFrames() {
    }

    private static ObjectNode fixture(String name, String callId) {
        return (ObjectNode) Fixtures.parse(Fixtures.text(name).replace(FIXTURE_CHANNEL, callId));
    }

    static String stasisStart(String callId, String... args) {
        ObjectNode e = fixture("ari-event-stasisstart.json", callId);
        ArrayNode a = e.putArray("args");
        for (String arg : args) {
            a.add(arg);
        }
        return e.toString();
    }

    static String varset(String callId, String variable, String value) {
        ObjectNode e = fixture("ari-event-channelvarset-amd.json", callId);
        e.put("variable", variable);
        e.put("value", value);
        return e.toString();
    }

    static String dtmf(String callId, String digit) {
        ObjectNode e = fixture("ari-event-channeldtmfreceived.json", callId);
        e.put("digit", digit);
        return e.toString();
    }

    static String playbackFinished(String callId, String playbackId) {
        ObjectNode e = fixture("ari-event-playbackfinished.json", callId);
        ((ObjectNode) e.get("playback")).put("id", playbackId);
        return e.toString();
    }

    static String hangupRequest(String callId, int cause) {
        ObjectNode e = fixture("ari-event-channelhanguprequest.json", callId);
        e.put("cause", cause);
        return e.toString();
    }

    /** The answered call's end (Normal Clearing, 14:32:20.520, 12.561 s after the fixture's StasisStart). */
    static String destroyed(String callId) {
        return fixture("ari-event-channeldestroyed.json", callId).toString();
    }

    /** An unanswered call's end with another cause than the fixture's 19. */
    static String destroyedUnanswered(String callId, int cause, String text) {
        ObjectNode e = fixture("ari-event-channeldestroyed-noanswer.json", callId);
        e.put("cause", cause);
        e.put("cause_txt", text);
        return e.toString();
    }

    static String originateResponse(String callId) {
        return fixture("ari-originate-response-channel.json", callId).toString();
    }
}
