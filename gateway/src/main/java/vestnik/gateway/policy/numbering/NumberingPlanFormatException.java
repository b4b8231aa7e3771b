package vestnik.gateway.policy.numbering;

/**
 * A file that is not a numbering-plan range file (an HTML error page served with status 200, a truncated
 * download, another CSV). Refusing it keeps the plan that is loaded now: an empty plan would erase it.
 */
public class NumberingPlanFormatException extends IllegalArgumentException {

    public NumberingPlanFormatException(String message) {
        super(message);
    }
}
