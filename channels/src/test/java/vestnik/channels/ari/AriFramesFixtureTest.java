package vestnik.channels.ari;

import static org.assertj.core.api.Assertions.assertThat;

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
}
