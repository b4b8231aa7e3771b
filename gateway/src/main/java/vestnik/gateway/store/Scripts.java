package vestnik.gateway.store;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vestnik.channels.spi.MessageStatus;

/** Every Lua script the gateway runs, loaded once; the transition table comes from {@link MessageStatus}. */
public final class Scripts {

    public final LuaScript intake;
    public final LuaScript claim;
    public final LuaScript accepted;
    public final LuaScript transition;
    public final LuaScript receipt;
    public final LuaScript promote;
    public final LuaScript tokenBucket;
    public final LuaScript inbound;
    public final LuaScript contactPut;
    public final LuaScript cascadeNext;
    public final LuaScript duePop;

    public Scripts() {
        Map<String, String> placeholders = Map.of("TRANSITIONS", transitionsPrelude());
        intake = LuaScript.load("intake", placeholders);
        claim = LuaScript.load("claim", placeholders);
        accepted = LuaScript.load("accepted", placeholders);
        transition = LuaScript.load("transition", placeholders);
        receipt = LuaScript.load("receipt", placeholders);
        promote = LuaScript.load("promote", placeholders);
        tokenBucket = LuaScript.load("token_bucket", placeholders);
        inbound = LuaScript.load("inbound", placeholders);
        contactPut = LuaScript.load("contact_put", placeholders);
        cascadeNext = LuaScript.load("cascade_next", placeholders);
        duePop = LuaScript.load("due_pop", placeholders);
    }

    /** Lua source of the transition table and the helpers every state-changing script shares. */
    static String transitionsPrelude() {
        String next = Stream.of(MessageStatus.values())
                .map(s -> lua(s) + " = {" + s.successors().stream().map(n -> lua(n) + " = true")
                        .collect(Collectors.joining(", ")) + "}")
                .collect(Collectors.joining(",\n  ", "local NEXT = {\n  ", "\n}\n"));
        return next
                + "local function can_move(from, to)\n"
                + "  local n = NEXT[from]\n"
                + "  return n ~= nil and n[to] == true\n"
                + "end\n"
                + "-- every change pushes back the day a message's personal data is deleted\n"
                + "local function touch(msg_key, ev_key, retention)\n"
                + "  if retention and retention > 0 then\n"
                + "    redis.call('EXPIRE', msg_key, retention)\n"
                + "    redis.call('EXPIRE', ev_key, retention)\n"
                + "    local xk = redis.call('HGET', msg_key, 'xk')\n"
                + "    if xk then redis.call('EXPIRE', xk, retention) end\n"
                + "  end\n"
                + "end\n";
    }

    private static String lua(MessageStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
