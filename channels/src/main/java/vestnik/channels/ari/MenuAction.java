package vestnik.channels.ari;

/**
 * What a key in a call's menu does. Every choice is also stored as a message from the debtor, so that the
 * dialogue centre sees "I have paid" in the conversation; {@code inboxText} is that message's text.
 */
public enum MenuAction {
    /** Hand the call to the operators' queue (the dialplan context configured as {@code operator}). */
    OPERATOR("Соединить с оператором"),
    /** "I have paid": thank, then hang up. */
    PAID("Я оплатил(а)"),
    /** Play the message again (up to the script's {@code maxPlays}). */
    REPEAT("Повторить сообщение"),
    /** "Call me back later": thank, then hang up. */
    CALLBACK("Перезвоните мне"),
    /** "Do not call me": thank, hang up, and record an opt-out of this channel. */
    OPT_OUT("Не звонить мне");

    private final String inboxText;

    MenuAction(String inboxText) {
        this.inboxText = inboxText;
    }

    public String inboxText() {
        return inboxText;
    }

    /** True for the choices after which the robot has nothing more to say. */
    boolean endsCall() {
        return this == PAID || this == CALLBACK || this == OPT_OUT;
    }
}
