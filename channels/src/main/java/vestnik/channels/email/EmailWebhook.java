package vestnik.channels.email;

import io.vertx.core.Future;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Hmac;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.Sender;
import vestnik.channels.spi.WebhookOutcome;
import vestnik.channels.spi.WebhookReceiver;
import vestnik.channels.spi.WebhookRequest;

/**
 * Two kinds of request reach the e-mail channel over HTTP, told apart by the {@code t} query parameter:
 * <ul>
 *   <li><b>One-click unsubscribe</b> ({@code /hooks/<channelId>/unsubscribe?t=<token>}, RFC 8058). The sealed
 *       token is the authentication. A {@code POST} whose body is {@code List-Unsubscribe=One-Click} (form-urlencoded
 *       or multipart, as RFC 8058 §3.1 allows) records the opt-out of the address inside the token. A {@code GET}
 *       (a person who clicked the link in a client without one-click) only shows a page with a button that
 *       makes that POST: link scanners and prefetchers follow GETs, and must not unsubscribe anyone. A token
 *       that does not open gives 401 and no events.</li>
 *   <li><b>Raw MIME</b> pushed to {@code /hooks/<channelId>} by a provider that forwards inbound mail: the
 *       {@value #SECRET_HEADER} header must equal the shared secret (constant-time compare); the body is the
 *       letter, parsed by {@link InboundMail}. No secret configured means every push is refused.</li>
 * </ul>
 */
final class EmailWebhook implements WebhookReceiver {

    static final String SECRET_HEADER = "X-Vestnik-Mail-Secret";
    static final String TOKEN_PARAMETER = "t";
    static final String ONE_CLICK_KEY = "List-Unsubscribe";
    static final String ONE_CLICK_VALUE = "One-Click";
    private static final String HTML = "text/html; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(EmailWebhook.class);

    private final String channelId;
    private final UnsubscribeTokens unsubscribe;
    private final InboundMail parser;
    private final Clock clock;
    private volatile String secret;

    /** @param unsubscribe null when the channel has no one-click endpoint */
    EmailWebhook(String channelId, String secret, UnsubscribeTokens unsubscribe, InboundMail parser, Clock clock) {
        this.channelId = channelId;
        this.secret = secret;
        this.unsubscribe = unsubscribe;
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    public WebhookOutcome handle(WebhookRequest request) {
        if (request.query().containsKey(TOKEN_PARAMETER)) {
            return unsubscribe(request);
        }
        return pushedMail(request);
    }

    private WebhookOutcome unsubscribe(WebhookRequest request) {
        if (unsubscribe == null) {
            return new WebhookOutcome(404, "text/plain", "no one-click unsubscribe on this channel", List.of());
        }
        Optional<String> address = unsubscribe.redeem(request.query().get(TOKEN_PARAMETER));
        if (address.isEmpty()) {
            return new WebhookOutcome(401, HTML, page("Ссылка недействительна",
                    "<p>Эта ссылка для отписки недействительна.</p>"), List.of());
        }
        String shown = escape(Mask.email(address.get()));
        if ("GET".equals(request.method())) {
            return new WebhookOutcome(200, HTML, page("Отписка от писем",
                    "<form method=\"post\"><input type=\"hidden\" name=\"" + ONE_CLICK_KEY + "\" value=\"" + ONE_CLICK_VALUE
                            + "\"><p>Больше не присылать письма на адрес " + shown + "?</p>"
                            + "<button type=\"submit\">Отписаться</button></form>"), List.of());
        }
        if (!"POST".equals(request.method())) {
            return new WebhookOutcome(405, "text/plain", "", List.of());
        }
        if (!isOneClick(request)) {
            return new WebhookOutcome(400, "text/plain", "the body must be List-Unsubscribe=One-Click", List.of());
        }
        LOG.info("email channel {}: one-click unsubscribe of {}", channelId, Mask.email(address.get()));
        InboundEvent optOut = new OptOut(channelId, new Sender(null, address.get(), null, null),
                "list-unsubscribe one-click", clock.instant());
        return new WebhookOutcome(200, HTML, page("Вы отписались",
                "<p>Письма на адрес " + shown + " больше не придут.</p>"), List.of(optOut));
    }

    private WebhookOutcome pushedMail(WebhookRequest request) {
        if (!"POST".equals(request.method())) {
            return new WebhookOutcome(405, "text/plain", "", List.of());
        }
        if (!Hmac.constantTimeEquals(secret, request.header(SECRET_HEADER))) {
            return WebhookOutcome.unauthorized();
        }
        if (request.body().length == 0) {
            return new WebhookOutcome(400, "text/plain", "the body must be a letter (raw MIME)", List.of());
        }
        try {
            return WebhookOutcome.ok(parser.parse(request.body()));
        } catch (IllegalArgumentException e) {
            LOG.warn("email channel {}: a pushed body of {} bytes is not a letter", channelId, request.body().length);
            return new WebhookOutcome(400, "text/plain", "the body must be a letter (raw MIME)", List.of());
        }
    }

    /** RFC 8058 §3.1: the POST carries exactly the key-value pair, form-urlencoded or as multipart/form-data. */
    static boolean isOneClick(WebhookRequest request) {
        String type = request.header("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return multipartOneClick(type, request.body());
        }
        String body = new String(request.body(), StandardCharsets.US_ASCII).strip();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && ONE_CLICK_KEY.equals(decode(pair.substring(0, eq)))
                    && ONE_CLICK_VALUE.equals(decode(pair.substring(eq + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean multipartOneClick(String contentType, byte[] body) {
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String[] disposition = part.getHeader("Content-Disposition");
                if (disposition == null) {
                    continue;
                }
                String name = new ContentDisposition(disposition[0]).getParameter("name");
                if (ONE_CLICK_KEY.equals(name)) {
                    try (var in = part.getInputStream()) {
                        return ONE_CLICK_VALUE.equals(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
                    }
                }
            }
            return false;
        } catch (MessagingException | IOException e) {
            return false;
        }
    }

    /**
     * Mail is pushed by a provider configured by hand: there is nothing to call. The channel checks
     * {@code secret} from now on, and the URL to give the provider is logged.
     */
    @Override
    public Future<Void> register(String publicUrl, String secret) {
        this.secret = secret;
        LOG.info("email channel {}: raw mail is accepted at {} with the {} header", channelId, publicUrl, SECRET_HEADER);
        return Future.succeededFuture();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                + body + "</body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
