package vestnik.templates.render;

import io.pebbletemplates.pebble.error.PebbleException;

/** A Russian-format filter given something it cannot format; becomes a {@link ProblemCode#FILTER_INPUT}. */
final class FilterInputException extends PebbleException {

    FilterInputException(String message, int lineNumber) {
        super(null, message, lineNumber, null);
    }
}
