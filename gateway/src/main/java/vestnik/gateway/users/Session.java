package vestnik.gateway.users;

import java.time.Instant;

/**
 * A logged-in console session as stored.
 *
 * @param csrfToken      sent back by the console in {@code X-CSRF-Token} on every state-changing call; a page
 *                       of another site can make the browser send the cookie but cannot read this value
 * @param sessionVersion the user's version at login: a password or role change ends the session
 */
public record Session(String userId, String tenantId, String csrfToken, long sessionVersion, Instant createdAt) {

    @Override
    public String toString() {
        return "Session[userId=" + userId + ", tenantId=" + tenantId + "]";
    }
}
