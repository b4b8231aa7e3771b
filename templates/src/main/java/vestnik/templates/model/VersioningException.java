package vestnik.templates.model;

/** A versioning request that cannot be honoured; {@link #reason()} lets the API pick the status code. */
public final class VersioningException extends RuntimeException {

    public enum Reason {
        /** publish with no draft saved */
        NO_DRAFT,
        /** publish or rollback that would produce a version identical to the latest one */
        UNCHANGED,
        /** a pinned or rollback version number that does not exist */
        UNKNOWN_VERSION,
        /** a send by a template that has never been published */
        NOT_PUBLISHED
    }

    private final Reason reason;

    public VersioningException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
