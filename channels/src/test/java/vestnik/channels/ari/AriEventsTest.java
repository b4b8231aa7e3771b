package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.ari.AriEvent.ApplicationReplaced;
import vestnik.channels.ari.AriEvent.ChannelDestroyed;
import vestnik.channels.ari.AriEvent.ChannelVarset;
import vestnik.channels.ari.AriEvent.DtmfReceived;
import vestnik.channels.ari.AriEvent.HangupRequest;
import vestnik.channels.ari.AriEvent.Ignored;
import vestnik.channels.ari.AriEvent.PlaybackFinished;
import vestnik.channels.ari.AriEvent.StasisStart;
import vestnik.channels.testing.Fixtures;

/** The parser against the ARI event fixtures. */
class AriEventsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String CALL = "gw-call-7f3c2a";

    private static AriEvent parse(String fixture) {
        return AriEvents.parse(Fixtures.text(fixture), NOW);
    }

    @Test
    @DisplayName("StasisStart gives the channel, its args and Asterisk's timestamp with its +0300 offset")
    void stasisStart() {
        assertThat(parse("ari-event-stasisstart.json")).isEqualTo(new StasisStart(CALL, java.util.List.of("campaign-42"),
                "Up", Instant.parse("2025-01-15T11:32:07.959Z")));
    }

    @Test
    @DisplayName("ChannelVarset gives the AMD variable and value")
    void varset() {
        assertThat(parse("ari-event-channelvarset-amd.json")).isEqualTo(new ChannelVarset(CALL, "AMDSTATUS", "MACHINE",
                Instant.parse("2025-01-15T11:32:06.800Z")));
    }

    @Test
    @DisplayName("ChannelDtmfReceived gives the digit and its duration")
    void dtmf() {
        assertThat(parse("ari-event-channeldtmfreceived.json")).isEqualTo(new DtmfReceived(CALL, "1", 120,
                Instant.parse("2025-01-15T11:32:15.120Z")));
    }

    @Test
    @DisplayName("PlaybackFinished finds its channel in target_uri")
    void playbackFinished() {
        assertThat(parse("ari-event-playbackfinished.json")).isEqualTo(new PlaybackFinished("pb-7f3c2a-1", CALL, "done",
                Instant.parse("2025-01-15T11:32:13.001Z")));
    }

    @Test
    @DisplayName("ChannelHangupRequest gives its cause and softness")
    void hangupRequest() {
        assertThat(parse("ari-event-channelhanguprequest.json")).isEqualTo(new HangupRequest(CALL, 16, false,
                Instant.parse("2025-01-15T11:32:20.500Z")));
    }

    @Test
    @DisplayName("ChannelDestroyed gives the Q.850 cause and its text, answered or not")
    void destroyed() {
        assertThat(parse("ari-event-channeldestroyed.json")).isEqualTo(new ChannelDestroyed(CALL, 16, "Normal Clearing",
                "Up", Instant.parse("2025-01-15T11:32:20.520Z")));
        assertThat(parse("ari-event-channeldestroyed-noanswer.json")).isEqualTo(new ChannelDestroyed(CALL, 19,
                "User alerting, no answer", "Down", Instant.parse("2025-01-15T11:32:31Z")));
    }

    @Test
    @DisplayName("ApplicationReplaced, other types, bridge playbacks and unreadable frames are told apart")
    void othersAndGarbage() {
        assertThat(AriEvents.parse("{\"type\":\"ApplicationReplaced\",\"application\":\"ivr-gw\"}", NOW))
                .isEqualTo(new ApplicationReplaced("ivr-gw", NOW));
        assertThat(AriEvents.parse("{\"type\":\"ChannelStateChange\",\"channel\":{\"id\":\"x\"}}", NOW))
                .isEqualTo(new Ignored("ChannelStateChange", NOW));
        assertThat(AriEvents.parse(Fixtures.text("ari-event-playbackfinished.json")
                .replace("channel:gw-call-7f3c2a", "bridge:b-1"), NOW)).isInstanceOf(Ignored.class);
        assertThat(AriEvents.parse("{\"type\":\"ChannelVarset\",\"variable\":\"X\",\"value\":\"1\"}", NOW))
                .as("a global variable").isInstanceOf(Ignored.class);
        assertThat(AriEvents.parse("not json", NOW)).isEqualTo(new Ignored("unreadable", NOW));
        assertThat(AriEvents.parse("[1,2]", NOW)).isEqualTo(new Ignored("unreadable", NOW));
    }

    @Test
    @DisplayName("timestamps with a colon in the offset or no fraction are read too; an unreadable one falls back")
    void timestamps() {
        assertThat(AriEvents.time("2025-01-15T14:32:07.959+03:00", NOW)).isEqualTo(Instant.parse("2025-01-15T11:32:07.959Z"));
        assertThat(AriEvents.time("2025-01-15T14:32:07+0300", NOW)).isEqualTo(Instant.parse("2025-01-15T11:32:07Z"));
        assertThat(AriEvents.time("yesterday", NOW)).isEqualTo(NOW);
        assertThat(AriEvents.time(null, NOW)).isEqualTo(NOW);
    }
}
