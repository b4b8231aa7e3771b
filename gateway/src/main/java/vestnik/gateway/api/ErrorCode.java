package vestnik.gateway.api;

/** Every error the API answers with: HTTP status and the machine-readable code callers switch on. */
public enum ErrorCode {
    MALFORMED_JSON(400, "malformed_json"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    NOT_CANCELLABLE(409, "not_cancellable"),
    BODY_TOO_LARGE(413, "body_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    VALIDATION_FAILED(422, "validation_failed"),
    UNKNOWN_FIELD(422, "unknown_field"),
    MISSING_FIELD(422, "missing_field"),
    INVALID_PHONE(422, "invalid_phone"),
    UNKNOWN_CHANNEL(422, "unknown_channel"),
    TEXT_EMPTY(422, "text_empty"),
    TEXT_TOO_LONG(422, "text_too_long"),
    INVALID_CONTENT(422, "invalid_content"),
    INVALID_TTL(422, "invalid_ttl"),
    INVALID_SEND_AT(422, "invalid_send_at"),
    INVALID_EXTERNAL_ID(422, "invalid_external_id"),
    INVALID_METADATA(422, "invalid_metadata"),
    INVALID_CALLBACK_URL(422, "invalid_callback_url"),
    INVALID_QUERY(422, "invalid_query"),
    STORE_UNAVAILABLE(503, "store_unavailable"),
    INTERNAL(500, "internal_error");

    private final int status;
    private final String code;

    ErrorCode(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
