package vestnik.channels.ari;

import java.time.Duration;
import java.util.List;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.CallOutcome;

/** What a {@link CallSession} asks the channel to do; the session itself does no I/O. */
sealed interface CallCommand {

    /** Play these media in one playback (ARI queues them), named so that its end can be recognised. */
    record Play(String playbackId, List<String> media, String language) implements CallCommand {
        public Play {
            media = List.copyOf(media);
        }
    }

    record StopPlayback(String playbackId) implements CallCommand {
    }

    record Hangup() implements CallCommand {
    }

    /** Leave our application for this place in the dialplan (the detector, the operators). */
    record ContinueIn(Dialplan dialplan) implements CallCommand {
    }

    /** Call {@link CallSession#onMenuTimeout(int)} with {@code round} after {@code after}. */
    record StartMenuTimer(int round, Duration after) implements CallCommand {
    }

    /** Ask Asterisk whether the channel still exists; if not, call {@link CallSession#onChannelGone}. */
    record CheckChannel() implements CallCommand {
    }

    /** Hand a debtor's choice (a message, an opt-out) to the gateway. */
    record Emit(InboundEvent event) implements CallCommand {
    }

    /** The call is over: report its outcome and free its line. Always the last command of a session. */
    record Finish(CallOutcome outcome) implements CallCommand {
    }
}
