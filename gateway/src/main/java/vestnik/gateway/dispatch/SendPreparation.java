package vestnik.gateway.dispatch;

import io.vertx.core.Future;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelPayload;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.spi.SendResult;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.inbound.CustomerWindow;
import vestnik.gateway.intake.Payloads;
import vestnik.gateway.optout.OptOutRegistry;
import vestnik.gateway.store.MessageRecord;

/**
 * Everything decided just before a message goes to its provider, at send time rather than intake
 * because it can change meanwhile: whom exactly it goes to (a messenger user bound since), whether they
 * opted out of the channel, and whether WhatsApp's customer-service window is open.
 */
final class SendPreparation {

    /** Ready to send, or stopped before the provider is called. */
    sealed interface Prepared {
        record Send(OutboundMessage message) implements Prepared {
        }

        /** The recipient opted out of this channel: the message is rejected with this reason. */
        record OptedOut(String address, String reason) implements Prepared {
        }

        /** Fails as if the provider had refused it, so retry and fallback decide as usual. */
        record Refused(SendResult.Failed failure) implements Prepared {
        }
    }

    private final ContactRepository contacts;
    private final OptOutRegistry optOuts;
    private final CustomerWindow windows;

    SendPreparation(ContactRepository contacts, OptOutRegistry optOuts, CustomerWindow windows) {
        this.contacts = contacts;
        this.optOuts = optOuts;
        this.windows = windows;
    }

    Future<Prepared> prepare(MessageRecord m, Channel channel) {
        ChannelType type = channel.type();
        ChannelPayload payload = Payloads.forChannel(type, m.payloadJson());
        return boundUser(m, channel).compose(userId -> {
            Recipient to = new Recipient(m.phone(), m.email(), userId, m.contactId());
            String address = OptOutRegistry.address(to.phone(), to.email(), to.channelUserId());
            return optOuts.find(channel.id(), address).compose(optOut -> {
                if (optOut.isPresent()) {
                    return Future.succeededFuture(new Prepared.OptedOut(address, optOut.get().reason()));
                }
                OutboundMessage out = new OutboundMessage(m.id(), m.tenantId(), to, m.text(), m.sender(), payload,
                        m.expiresAt(), m.attempts(), OutboundMessages.metadata(m.metadataJson()));
                if (type != ChannelType.WHATSAPP || payload != null) {
                    return Future.succeededFuture(new Prepared.Send(out));
                }
                return windows.isOpen(channel.id(), to.phone()).map(open -> open ? new Prepared.Send(out)
                        : new Prepared.Refused(SendResult.Failed.of(ErrorClass.PERMANENT_RECIPIENT, FailureCodes.WINDOW_CLOSED,
                                "free text outside WhatsApp's 24-hour window: send a whatsappTemplate instead")));
            });
        });
    }

    /** The messenger user bound to the message's contact (or to the contact that has its phone), or null. */
    private Future<String> boundUser(MessageRecord m, Channel channel) {
        ChannelType type = channel.type();
        if (type != ChannelType.TELEGRAM && type != ChannelType.VIBER && type != ChannelType.MAX) {
            return Future.succeededFuture(null);
        }
        if (m.contactId() != null) {
            return contacts.boundUser(m.tenantId(), m.contactId(), channel.id()).map(u -> u.orElse(null));
        }
        if (m.phone() == null) {
            return Future.succeededFuture(null);
        }
        return contacts.contactIdByPhone(m.tenantId(), m.phone()).compose(id -> id.isEmpty()
                ? Future.succeededFuture(null)
                : contacts.boundUser(m.tenantId(), id.get(), channel.id()).map(u -> u.orElse(null)));
    }
}
