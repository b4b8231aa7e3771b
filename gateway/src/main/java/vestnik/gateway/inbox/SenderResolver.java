package vestnik.gateway.inbox;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vestnik.gateway.config.InboxConfig;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.contacts.ContactRepository.ContactRef;
import vestnik.gateway.status.ReceiptIndex;
import vestnik.gateway.store.MessageRepository;

/**
 * Whose debtor wrote. An inbound SMS or messenger message carries no tenant, so it is decided by, in turn:
 * the message of ours it answers; the contacts with that phone or bound to that messenger user (a debtor
 * of two agencies is threaded into both — each only learns what was sent to its own number or bot); the
 * tenant that owns the channel's unknown senders; the default tenant. Without a contact, the sender gets
 * an unidentified contact of its own (derived from its address, so its next message finds it), unless an
 * agent has merged that one into a known contact.
 */
public final class SenderResolver {

    /** The conversation's owner: a tenant and one of its contacts. */
    public record Target(String tenantId, String contactId, boolean unidentified) {
    }

    static final String UNIDENTIFIED_PREFIX = "unidentified-";

    private final MessageRepository messages;
    private final ReceiptIndex receipts;
    private final ContactRepository contacts;
    private final ConversationStore conversations;
    private final InboxConfig config;
    private final String fallbackTenant;

    public SenderResolver(MessageRepository messages, ReceiptIndex receipts, ContactRepository contacts, ConversationStore conversations,
                          InboxConfig config, String fallbackTenant) {
        this.messages = messages;
        this.receipts = receipts;
        this.contacts = contacts;
        this.conversations = conversations;
        this.config = config;
        this.fallbackTenant = fallbackTenant;
    }

    /** {@code record} is an inbound record's hash (see InboundStore). */
    public Future<List<Target>> resolve(Map<String, String> record) {
        return answeredMessage(record).compose(answered -> byReply(answered, record))
                .compose(found -> found.isEmpty() ? byAddress(record) : Future.succeededFuture(found));
    }

    /**
     * The recorder links a reply to our message just after storing it, so the link may not be there yet
     * when the record is read: the provider's own reference is looked up then.
     */
    Future<String> answeredMessage(Map<String, String> record) {
        if (record.get("rm") != null || record.get("irt") == null) {
            return Future.succeededFuture(record.get("rm"));
        }
        return receipts.lookup(record.get("c"), record.get("irt")).map(ref -> ref.map(ReceiptIndex.PartRef::messageId).orElse(null));
    }

    private Future<List<Target>> byReply(String answered, Map<String, String> record) {
        return answered == null ? Future.succeededFuture(List.of())
                : messages.find(answered).compose(m -> {
                    if (m.isEmpty()) {
                        return Future.succeededFuture(List.<Target>of());
                    }
                    String tenant = m.get().tenantId();
                    if (m.get().contactId() != null) {
                        return Future.succeededFuture(List.of(new Target(tenant, m.get().contactId(), false)));
                    }
                    String phone = record.get("fph");
                    Future<Optional<String>> byPhone = phone == null
                            ? Future.succeededFuture(Optional.empty()) : contacts.contactIdByPhone(tenant, phone);
                    return byPhone.compose(id -> id.isPresent()
                            ? Future.succeededFuture(List.of(new Target(tenant, id.get(), false)))
                            : unidentified(tenant, record).map(List::of));
                });
    }

    private Future<List<Target>> byAddress(Map<String, String> record) {
        String phone = record.get("fph");
        String user = record.get("fid");
        Future<List<ContactRef>> byPhone = phone == null ? Future.succeededFuture(List.of()) : contacts.contactsWithPhone(phone);
        Future<List<ContactRef>> byBinding = user == null ? Future.succeededFuture(List.of())
                : contacts.contactsBoundTo(record.get("c"), user);
        return Future.all(byPhone, byBinding).compose(all -> {
            // one contact per tenant: the binding (chosen by the debtor) before the phone, then the smallest id
            Map<String, String> perTenant = new TreeMap<>();
            List<ContactRef> refs = new ArrayList<>(byBinding.result());
            refs.addAll(byPhone.result().stream().sorted(Comparator.comparing(ContactRef::contactId)).toList());
            refs.forEach(r -> perTenant.putIfAbsent(r.tenantId(), r.contactId()));
            if (!perTenant.isEmpty()) {
                return Future.succeededFuture(perTenant.entrySet().stream()
                        .map(e -> new Target(e.getKey(), e.getValue(), false)).toList());
            }
            String tenant = config.channelTenants().getOrDefault(record.get("c"),
                    config.defaultTenant() != null ? config.defaultTenant() : fallbackTenant);
            return tenant == null ? Future.succeededFuture(List.of()) : unidentified(tenant, record).map(List::of);
        });
    }

    private Future<Target> unidentified(String tenantId, Map<String, String> record) {
        String id = unidentifiedContactId(record);
        return conversations.mergedInto(tenantId, id)
                .map(merged -> merged.map(known -> new Target(tenantId, known, false))
                        .orElseGet(() -> new Target(tenantId, id, true)));
    }

    /** Stable per sender address, and free of the address itself (contact ids appear in URLs and logs). */
    static String unidentifiedContactId(Map<String, String> record) {
        String address = record.get("fph") != null ? "phone:" + record.get("fph")
                : record.get("fem") != null ? "email:" + record.get("fem")
                : "user:" + record.get("c") + ":" + record.get("fid");
        return unidentifiedContactId(address);
    }

    static String unidentifiedContactId(String address) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return UNIDENTIFIED_PREFIX + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
