package vestnik.channels.ari;

import java.time.Instant;
import java.util.List;

/**
 * The ARI events a robocall needs, typed (channel-contracts.md §6.1). {@code channelId} is the ARI channel
 * id, which is also the provider id of the call; {@code at} is Asterisk's own timestamp, so that talk time is
 * measured on one clock.
 */
sealed interface AriEvent {

    Instant at();

    /** The call entered our Stasis application: it was answered (again, after a trip through the dialplan). */
    record StasisStart(String channelId, List<String> args, String state, Instant at) implements AriEvent {
        public StasisStart {
            args = List.copyOf(args);
        }
    }

    /** The channel left our application (hung up, or continued into the dialplan). */
    record StasisEnd(String channelId, Instant at) implements AriEvent {
    }

    /** A channel variable was set; the detector's AMDSTATUS and AMDCAUSE arrive this way. */
    record ChannelVarset(String channelId, String variable, String value, Instant at) implements AriEvent {
    }

    /** One key pressed (ARI reports a DTMF digit when it ends). */
    record DtmfReceived(String channelId, String digit, int durationMs, Instant at) implements AriEvent {
    }

    /** A playback ended; {@code channelId} comes from its {@code target_uri} ({@code channel:<id>}). */
    record PlaybackFinished(String playbackId, String channelId, String state, Instant at) implements AriEvent {
    }

    /** Someone asked for the channel to hang up; the cause, when given, is the earliest word on why. */
    record HangupRequest(String channelId, Integer cause, boolean soft, Instant at) implements AriEvent {
    }

    /** The channel is gone: the end of the call, with its Q.850 cause. */
    record ChannelDestroyed(String channelId, int cause, String causeText, String state, Instant at)
            implements AriEvent {
    }

    /** Another connection took our application name: this socket will hear nothing more. */
    record ApplicationReplaced(String application, Instant at) implements AriEvent {
    }

    /** Any other event type (ChannelStateChange, Dial, PlaybackStarted, ...), or a frame we could not read. */
    record Ignored(String type, Instant at) implements AriEvent {
    }
}
