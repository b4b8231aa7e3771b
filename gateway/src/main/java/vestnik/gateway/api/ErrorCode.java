package vestnik.gateway.api;

/** Every error the API answers with: HTTP status and the machine-readable code callers switch on. */
public enum ErrorCode {
    MALFORMED_JSON(400, "malformed_json"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    INVALID_CREDENTIALS(401, "invalid_credentials"),
    CSRF_FAILED(403, "csrf_failed"),
    TOO_MANY_ATTEMPTS(429, "too_many_attempts"),
    LOGIN_TAKEN(409, "login_taken"),
    INVALID_USER(422, "invalid_user"),
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
    INVALID_EMAIL(422, "invalid_email"),
    INVALID_PRIORITY(422, "invalid_priority"),
    INVALID_ROUTE(422, "invalid_route"),
    INVALID_REFERENCE_DATA(422, "invalid_reference_data"),
    UNKNOWN_ROUTE(422, "unknown_route"),
    INVALID_CONTACT_ID(422, "invalid_contact_id"),
    UNKNOWN_CONTACT(422, "unknown_contact"),
    NO_ADDRESS_FOR_CHANNEL(422, "no_address_for_channel"),
    PROVIDER_REFUSED(502, "provider_refused"),
    TEXT_AND_TEMPLATE(422, "text_and_template"),
    INVALID_TEMPLATE_KEY(422, "invalid_template_key"),
    INVALID_TEMPLATE(422, "invalid_template"),
    UNKNOWN_TEMPLATE(422, "unknown_template"),
    UNKNOWN_VERSION(422, "unknown_version"),
    NO_VARIANT_FOR_CHANNEL(422, "no_variant_for_channel"),
    TEMPLATE_CONTENT_UNSUPPORTED(422, "template_content_unsupported"),
    MISSING_VARIABLE(422, "missing_variable"),
    UNKNOWN_VARIABLE(422, "unknown_variable"),
    INVALID_VARIABLE(422, "invalid_variable"),
    TEMPLATE_RENDER_FAILED(422, "template_render_failed"),
    LINT_FAILED(422, "lint_failed"),
    NO_DRAFT(409, "no_draft"),
    UNCHANGED(409, "unchanged"),
    CONCURRENT_EDIT(409, "concurrent_edit"),
    REVISION_MISMATCH(412, "revision_mismatch"),
    INVALID_CALLBACK_URL(422, "invalid_callback_url"),
    INVALID_QUERY(422, "invalid_query"),
    TOO_MANY_JOBS(422, "too_many_jobs"),
    INVALID_CAMPAIGN(422, "invalid_campaign"),
    INVALID_WINDOW(422, "invalid_window"),
    INVALID_ROWS(422, "invalid_rows"),
    CAMPAIGN_STATE(409, "campaign_state"),
    NOT_MERGEABLE(409, "not_mergeable"),
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
