package vestnik.gateway.api;

/**
 * Every resource's handlers, for the router. The optional ones are null when the gateway runs without
 * them (the contact policy switched off).
 */
public record Apis(
        MessagesApi messages,
        MessageQueryApi messageQuery,
        BatchApi batch,
        CampaignsApi campaigns,
        ContactsApi contacts,
        ChannelsApi channels,
        TemplatesApi templates,
        EventsApi events,
        LedgerApi ledger,
        SuppressionsApi suppressions,
        AdminApi admin,
        ConversationsApi conversations,
        SessionApi session,
        UsersApi users,
        HooksApi hooks,
        HealthApi health,
        StatsApi stats) {
}
