package vestnik.channels.ari;

/** A place in the Asterisk dialplan a call can be continued to (the detector's context, the operators' queue). */
public record Dialplan(String context, String extension, int priority) {

    public Dialplan {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("a dialplan context is required");
        }
        extension = extension == null || extension.isBlank() ? "s" : extension;
        if (priority < 1) {
            throw new IllegalArgumentException("a dialplan priority starts at 1");
        }
    }
}
