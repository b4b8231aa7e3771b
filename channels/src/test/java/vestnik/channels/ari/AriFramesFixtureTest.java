package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.testing.Fixtures;
import vestnik.loadtest.ari.AriFrames;

/** The ARI simulator speaks the fixtures: each frame it sends is a fixture file with only the call's id changed. */
class AriFramesFixtureTest {

    private static final String CALL = "vn-0b7c1f4e";

    private static void sameAsFixture(String frame, String fixture) {
        assertThat(Fixtures.parse(frame))
                .isEqualTo(Fixtures.parse(Fixtures.text(fixture).replace(AriFrames.FIXTURE_CHANNEL, CALL)));
    }

    @Test
    @DisplayName("StasisStart, ChannelVarset, ChannelDtmfReceived, ChannelHangupRequest and both ChannelDestroyed frames are the fixtures")
    void events() {
        sameAsFixture(AriFrames.stasisStart(CALL, "campaign-42"), "ari-event-stasisstart.json");
        sameAsFixture(AriFrames.varset(CALL, "AMDSTATUS", "MACHINE"), "ari-event-channelvarset-amd.json");
        sameAsFixture(AriFrames.dtmf(CALL, "1"), "ari-event-channeldtmfreceived.json");
        sameAsFixture(AriFrames.hangupRequest(CALL, 16), "ari-event-channelhanguprequest.json");
        sameAsFixture(AriFrames.destroyed(CALL), "ari-event-channeldestroyed.json");
        sameAsFixture(AriFrames.destroyedUnanswered(CALL, 19, "User alerting, no answer"),
                "ari-event-channeldestroyed-noanswer.json");
    }

    @Test
    @DisplayName("PlaybackFinished targets the call's channel, and the originate's answer is the fixture's Channel object")
    void playbackAndOriginate() {
        sameAsFixture(AriFrames.playbackFinished(CALL, "pb-7f3c2a-1"), "ari-event-playbackfinished.json");
        sameAsFixture(AriFrames.originateResponse(CALL), "ari-originate-response-channel.json");
    }

    @Test
    @DisplayName("a frame moved to another call start keeps its distance from that start, in Asterisk's time format")
    void movedTo() {
        Instant start = Instant.parse("2026-11-24T09:00:00Z");
        String frame = AriFrames.movedTo(AriFrames.destroyed(CALL), start);
        assertThat(Fixtures.parse(frame).path("timestamp").asText()).isEqualTo("2026-11-24T12:00:20.218+0300");
        assertThat(Fixtures.parse(frame).path("channel").path("creationtime").asText())
                .isEqualTo("2026-11-24T12:00:00.000+0300");
        assertThat(AriEvents.parse(frame, Instant.EPOCH)).isEqualTo(
                new AriEvent.ChannelDestroyed(CALL, 16, "Normal Clearing", "Up", start.plusMillis(20_218)));
    }
}
