package vestnik.templates.preview;

/**
 * Estimates how long a robocall's synthesised speech lasts. Russian TTS at the default rate speaks about
 * 14 characters a second (≈ 140 words a minute); recorded sounds are not counted, as their length is unknown
 * here, so a call of recordings only is estimated at its minimum billable minute.
 */
final class CallLength {

    static final double CHARS_PER_SECOND = 14.0;

    private CallLength() {
    }

    static int seconds(String speech) {
        return speech == null || speech.isBlank() ? 0 : (int) Math.ceil(speech.strip().length() / CHARS_PER_SECOND);
    }

    /** Calls are billed per started minute, at least one. */
    static int billedMinutes(int seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
