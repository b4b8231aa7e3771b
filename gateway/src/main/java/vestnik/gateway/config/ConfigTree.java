package vestnik.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration as a YAML tree, before typing: built-in defaults, then the file merged over them,
 * then {@code VESTNIK_*} variables. Variables find their key case-insensitively with underscores as
 * separators, so {@code VESTNIK_REDIS_DATADIR} reaches {@code redis.dataDir} and
 * {@code VESTNIK_CHANNELS_SMS_PASSWORD} reaches {@code channels.sms.password}.
 */
public final class ConfigTree {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PREFIX = "VESTNIK_";

    private ConfigTree() {
    }

    public static ObjectNode load(Path file, Map<String, String> env) {
        ObjectNode tree = readResource("vestnik-defaults.yaml");
        JsonNode user = file == null ? readResource("vestnik-demo.yaml") : readFile(file);
        merge(tree, user);
        applyEnvironment(tree, env);
        return tree;
    }

    public static ObjectNode readResource(String name) {
        try (InputStream in = ConfigTree.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigException("built-in resource " + name + " is missing from the jar");
            }
            return asObject(YAML.readTree(in), name);
        } catch (IOException e) {
            throw new ConfigException("cannot read built-in " + name + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode readFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigException("config file " + file + " does not exist or cannot be read");
        }
        try {
            return asObject(YAML.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static ObjectNode asObject(JsonNode node, String source) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(source + " must be a YAML mapping at the top level");
        }
        return (ObjectNode) node;
    }

    /** Objects merge key by key; anything else in {@code over} replaces what {@code base} had. */
    static void merge(ObjectNode base, JsonNode over) {
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode existingObject && e.getValue().isObject()) {
                merge(existingObject, e.getValue());
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    static void applyEnvironment(ObjectNode tree, Map<String, String> env) {
        env.entrySet().stream()
                .filter(e -> e.getKey().startsWith(PREFIX) && e.getKey().length() > PREFIX.length())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    List<String> tokens = Arrays.asList(e.getKey().substring(PREFIX.length()).split("_"));
                    if (!set(tree, new ArrayList<>(tokens), e.getValue())) {
                        throw new ConfigException("environment variable " + e.getKey()
                                + " does not name a configuration key");
                    }
                });
    }

    /** Walks the tokens down the tree, matching the longest run of tokens to an existing key. */
    private static boolean set(JsonNode node, List<String> tokens, String value) {
        if (node instanceof ArrayNode array) {
            int index;
            try {
                index = Integer.parseInt(tokens.get(0));
            } catch (NumberFormatException e) {
                return false;
            }
            if (index < 0 || index >= array.size()) {
                return false;
            }
            if (tokens.size() == 1) {
                array.set(index, TextNode.valueOf(value));
                return true;
            }
            return set(array.get(index), tokens.subList(1, tokens.size()), value);
        }
        if (!(node instanceof ObjectNode object)) {
            return false;
        }
        for (int take = tokens.size(); take >= 1; take--) {
            String joined = String.join("", tokens.subList(0, take)).toLowerCase(Locale.ROOT);
            String key = findKey(object, joined);
            if (key == null) {
                continue;
            }
            if (take == tokens.size()) {
                object.set(key, TextNode.valueOf(value));
                return true;
            }
            if (set(object.get(key), tokens.subList(take, tokens.size()), value)) {
                return true;
            }
        }
        return false;
    }

    private static String findKey(ObjectNode object, String normalized) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT).equals(normalized)) {
                return name;
            }
        }
        return null;
    }
}
