package vestnik.gateway.dispatch;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import vestnik.gateway.campaign.CampaignRates;
import vestnik.gateway.campaign.CampaignWindows;
import vestnik.gateway.cascade.CascadeService;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.enforcement.PolicyGate;
import vestnik.gateway.inbound.CustomerWindow;
import vestnik.gateway.optout.OptOutRegistry;
import vestnik.gateway.ratelimit.RecipientRateLimiter;
import vestnik.gateway.status.ReceiptIndex;
import vestnik.gateway.status.ReceiptProcessor;
import vestnik.gateway.status.StatusMetrics;
import vestnik.gateway.store.MessageRepository;
import vestnik.gateway.store.RedisStore;

/**
 * What every channel's dispatchers share; each dispatcher adds its channel, shard, rate and breaker.
 * {@code policyGate} is null when {@code dispatch.contactPolicy} is off.
 */
public record DispatchContext(
        Vertx vertx,
        RedisStore redis,
        MessageRepository messages,
        String consumerName,
        RetryPolicy retries,
        ReceiptIndex receiptIndex,
        ReceiptProcessor receipts,
        ContactRepository contacts,
        OptOutRegistry optOuts,
        CustomerWindow windows,
        RecipientRateLimiter recipientLimiter,
        CascadeService cascades,
        CampaignRates campaignRates,
        StatusMetrics metrics,
        Clock clock,
        Duration reclaimAfter,
        PolicyGate policyGate,
        CampaignWindows campaignWindows) {
}
