package vestnik.gateway.intake;

import io.vertx.core.Future;
import vestnik.channels.spi.ChannelType;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.store.NewMessage;

/**
 * Fills in what a job leaves out from the tenant's contacts: a job naming only a contact gets its first
 * phone and e-mail; a job naming only a phone is tied to the contact that has it. A channel then must
 * have an address it can use, or the job is refused at once.
 */
public final class RecipientCompletion {

    private final ContactRepository contacts;

    public RecipientCompletion(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public Future<NewMessage> complete(NewMessage m, ChannelType type) {
        Future<NewMessage> completed;
        if (m.contactId() != null) {
            completed = contacts.find(m.tenantId(), m.contactId()).map(found -> {
                var c = found.orElseThrow(() -> new ApiError(ErrorCode.UNKNOWN_CONTACT,
                        "no contact '" + m.contactId() + "'; create it with PUT /v1/contacts/{contactId}"));
                String phone = m.phone() != null ? m.phone() : c.phones().stream().findFirst().orElse(null);
                String email = m.email() != null ? m.email() : c.emails().stream().findFirst().orElse(null);
                return m.withRecipient(phone, email, m.contactId());
            });
        } else if (m.phone() != null) {
            completed = contacts.contactIdByPhone(m.tenantId(), m.phone())
                    .map(id -> m.withRecipient(m.phone(), m.email(), id.orElse(null)));
        } else {
            completed = Future.succeededFuture(m);
        }
        return completed.map(done -> {
            requireAddress(done, type);
            return done;
        });
    }

    private static void requireAddress(NewMessage m, ChannelType type) {
        switch (type) {
            case EMAIL -> {
                if (m.email() == null) {
                    throw new ApiError(ErrorCode.NO_ADDRESS_FOR_CHANNEL, "an e-mail channel needs to.email or a contact with an e-mail");
                }
            }
            case TELEGRAM, VIBER, MAX -> {
                // addressed through the contact's messenger binding, found by contact or by phone at send time
            }
            default -> {
                if (m.phone() == null) {
                    throw new ApiError(ErrorCode.NO_ADDRESS_FOR_CHANNEL, "this channel needs to.phone or a contact with a phone");
                }
            }
        }
    }
}
