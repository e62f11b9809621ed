package news.wiretranslation.translate.deepl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The style rules and translation memories of {@link DeepLStandIn}'s account, as a newsroom would keep them at DeepL
 * (made in DeepL's interface, so the stand-in only lets tests add them): {@code GET /v3/style_rules[/{id}]} and
 * {@code GET /v3/translation_memories[/{id}]}, in the JSON deepl-java 1.17 reads. Unknown ids get 404 with DeepL's
 * kind of message ({@code Style rule not found}, {@code Translation memory not found}).
 */
final class StandInCustomizations {
    private static final Pattern STYLE = Pattern.compile("/v3/style_rules/([^/]+)");
    private static final Pattern MEMORY = Pattern.compile("/v3/translation_memories/([^/]+)");

    /** A style rule: DeepL's are for one language and carry a version that grows with each edit. */
    record Style(String id, String name, String language, int version) {
    }

    /** A translation memory: one source language, one or more targets. */
    record Memory(String id, String name, String sourceLanguage, List<String> targetLanguages) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Style> styles = new LinkedHashMap<>(); // guarded by this
    private final Map<String, Memory> memories = new LinkedHashMap<>(); // guarded by this
    private final Map<String, Style> deletedStyles = new LinkedHashMap<>(); // guarded by this
    private final Map<String, Memory> deletedMemories = new LinkedHashMap<>(); // guarded by this

    synchronized String addStyle(String name, String language) {
        Style style = new Style(UUID.randomUUID().toString(), name, language, 1);
        styles.put(style.id(), style);
        return style.id();
    }

    synchronized String addMemory(String name, String sourceLanguage, List<String> targetLanguages) {
        Memory memory = new Memory(UUID.randomUUID().toString(), name, sourceLanguage, List.copyOf(targetLanguages));
        memories.put(memory.id(), memory);
        return memory.id();
    }

    synchronized void delete(String id) {
        move(id, styles, deletedStyles);
        move(id, memories, deletedMemories);
    }

    /** Brings back a deleted style rule or memory under its id (someone undid the deletion). */
    synchronized void restore(String id) {
        move(id, deletedStyles, styles);
        move(id, deletedMemories, memories);
    }

    private static <T> void move(String id, Map<String, T> from, Map<String, T> to) {
        T value = from.remove(id);
        if (value != null) {
            to.put(id, value);
        }
    }

    synchronized boolean styleExists(String id) {
        return styles.containsKey(id);
    }

    synchronized boolean memoryExists(String id) {
        return memories.containsKey(id);
    }

    /** Answers a style-rule or translation-memory request; null when the path is none of them. */
    synchronized StandInGlossaries.Reply handle(String method, String path) {
        if (!"GET".equals(method)) {
            return path.startsWith("/v3/style_rules") || path.startsWith("/v3/translation_memories")
                    ? new StandInGlossaries.Reply(405, Map.of("message", "Method not allowed")) : null;
        }
        if (path.equals("/v3/style_rules")) {
            ObjectNode root = json.createObjectNode();
            ArrayNode list = root.putArray("style_rules");
            styles.values().forEach(s -> list.add(info(s)));
            return new StandInGlossaries.Reply(200, root);
        }
        if (path.equals("/v3/translation_memories")) {
            ObjectNode root = json.createObjectNode();
            ArrayNode list = root.putArray("translation_memories");
            memories.values().forEach(m -> list.add(info(m)));
            return new StandInGlossaries.Reply(200, root);
        }
        Matcher style = STYLE.matcher(path);
        if (style.matches()) {
            Style s = styles.get(style.group(1));
            return s == null ? new StandInGlossaries.Reply(404, Map.of("message", "Style rule not found"))
                    : new StandInGlossaries.Reply(200, info(s));
        }
        Matcher memory = MEMORY.matcher(path);
        if (memory.matches()) {
            Memory m = memories.get(memory.group(1));
            return m == null ? new StandInGlossaries.Reply(404, Map.of("message", "Translation memory not found"))
                    : new StandInGlossaries.Reply(200, info(m));
        }
        return null;
    }

    private ObjectNode info(Style s) {
        ObjectNode node = json.createObjectNode().put("style_id", s.id()).put("name", s.name())
                .put("creation_time", Instant.EPOCH.toString()).put("updated_time", Instant.EPOCH.toString())
                .put("language", s.language()).put("version", s.version());
        node.putArray("custom_instructions");
        return node;
    }

    private ObjectNode info(Memory m) {
        ObjectNode node = json.createObjectNode().put("translation_memory_id", m.id()).put("name", m.name())
                .put("source_language", m.sourceLanguage()).put("segment_count", 0);
        ArrayNode targets = node.putArray("target_languages");
        m.targetLanguages().forEach(targets::add);
        return node;
    }
}
