package vestnik.channels.spi;

/** Why a channel cannot carry some content (too long, empty, unsupported), as a code and a human sentence. */
public record ContentProblem(String code, String message) {
}
