package vestnik.gateway.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script from {@code resources/lua}, run by its SHA; when Redis has forgotten it (a restart, a
 * failover) it is sent in full once. Placeholders {@code --@NAME@} in the source are filled at load
 * time, so tables that Java owns (the status transitions) are never written twice.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    public static LuaScript load(String name, Map<String, String> placeholders) {
        String source = fragment(name);
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            source = source.replace("--@" + p.getKey() + "@", p.getValue());
        }
        return new LuaScript(name, source);
    }

    /** The text of {@code resources/lua/<name>.lua} as it is: a script, or a part that scripts include. */
    public static String fragment(String name) {
        String path = "lua/" + name + ".lua";
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    public String name() {
        return name;
    }

    public <T> CompletionStage<T> run(RedisClusterAsyncCommands<String, String> redis, ScriptOutputType type,
                                      String[] keys, String... args) {
        CompletableFuture<T> result = new CompletableFuture<>();
        redis.<T>evalsha(sha, type, keys, args).whenComplete((value, error) -> {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof RedisNoScriptException
                    || (cause != null && String.valueOf(cause.getMessage()).startsWith("NOSCRIPT"))) {
                redis.<T>eval(source, type, keys, args).whenComplete((v2, e2) -> {
                    if (e2 != null) {
                        result.completeExceptionally(e2);
                    } else {
                        result.complete(v2);
                    }
                });
            } else if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        });
        return result;
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
