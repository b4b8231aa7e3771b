package vestnik.channels.voicehttp;

import vestnik.channels.common.TextLimits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.ContentProblem;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundSink;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Failed;

/**
 * Robocalls through a cloud voice API (MTS Exolve's {@code MakeVoiceMessage}, channel-contracts.md §6.2):
 * one JSON POST per call with Bearer auth, speaking the message's text by the provider's TTS or playing a
 * prepared voice message ({@link VoiceHttpPayload}, or the channel's {@code serviceId}). The provider id is
 * the answer's {@code call_id}.
 *
 * <p><b>No call outcome is reported.</b> The contract describes no status callback; the provider's
 * {@code GetInfo} can be polled with a {@code call_id}, but its status values are not documented in the
 * contract (marked unverified), and guessing them would report false outcomes. So a call on this channel ends
 * at {@code sent} (the provider took the call) and raises no {@code CallOutcome}; once {@code GetInfo}'s
 * statuses are confirmed, a poller mapping them to {@code CallResult} is the place to add it. This channel
 * also shows that the SPI carries a voice provider with none of Asterisk's machinery.
 */
public final class VoiceHttpChannel implements Channel {

    /** A spoken text longer than this is too long to listen to. */
    public static final int MAX_TEXT = 1000;
    private static final Pattern E164 = Pattern.compile("\\+?[1-9]\\d{6,14}");
    private static final Logger log = LoggerFactory.getLogger(VoiceHttpChannel.class);

    private final String id;
    private final VoiceHttpConfig config;
    private final JsonHttp http;
    private final Map<String, String> auth;
    private volatile boolean ready;

    VoiceHttpChannel(String id, VoiceHttpConfig config, Vertx vertx) {
        this.id = id;
        this.config = config;
        this.http = new JsonHttp(vertx, config.requestTimeout(), config.maxInFlight());
        this.auth = Map.of("Authorization", "Bearer " + config.apiKey());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelType type() {
        return ChannelType.VOICE_HTTP;
    }

    @Override
    public double ratePerSecond() {
        return config.rate();
    }

    public VoiceHttpConfig config() {
        return config;
    }

    /** The API has no side-effect-free call to check the key with, so the first refusal is what tells. */
    @Override
    public Future<Void> start(InboundSink sink) {
        ready = true;
        return Future.succeededFuture();
    }

    @Override
    public Future<SendResult> send(OutboundMessage message) {
        String phone = message.to().phone();
        if (phone == null || !E164.matcher(phone).matches()) {
            return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT,
                    "a voice call needs the contact's phone number in international form"));
        }
        String serviceId = message.payload() instanceof VoiceHttpPayload p ? p.serviceId() : config.serviceId();
        ObjectNode body;
        if (serviceId != null) {
            body = VoiceHttpRequests.prepared(config.sourceNumber(), phone, serviceId);
        } else {
            Optional<ContentProblem> problem = checkContent(message.text());
            if (problem.isPresent()) {
                return Future.succeededFuture(Failed.of(ErrorClass.PERMANENT_RECIPIENT, problem.get().code(),
                        problem.get().message()));
            }
            body = VoiceHttpRequests.spoken(config.sourceNumber(), phone, message.text().strip(), config.voice(),
                    config.language());
        }
        return http.post(config.baseUrl() + VoiceHttpRequests.MAKE_VOICE_MESSAGE, body, auth).map(reply -> {
            String callId = reply.ok() ? VoiceHttpRequests.callId(reply.json()) : null;
            if (callId != null) {
                ready = true;
                return (SendResult) SendResult.Accepted.of(callId);
            }
            Failed failed = VoiceHttpErrors.classify(reply.status(), reply.json(), reply.retryAfterHeader());
            if (failed.errorClass() == ErrorClass.PERMANENT_CONFIG) {
                ready = false;
            }
            log.debug("channel {}: call for message {} to {} refused: {} {}", id, message.messageId(),
                    Mask.phone(phone), failed.providerCode(), failed.code());
            return failed;
        }).otherwise(VoiceHttpErrors::unreachable);
    }

    @Override
    public Optional<ContentProblem> checkContent(String text) {
        if (config.serviceId() != null) {
            return Optional.empty();
        }
        return TextLimits.check(text, MAX_TEXT, "a spoken call needs a text", "a spoken call");
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public int maxInFlight() {
        return config.maxInFlight();
    }

    @Override
    public Future<Void> stop() {
        ready = false;
        return http.close();
    }
}
