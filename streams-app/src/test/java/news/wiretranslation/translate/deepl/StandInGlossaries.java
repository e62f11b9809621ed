package news.wiretranslation.translate.deepl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The multilingual (v3) glossaries of {@link DeepLStandIn}: what deepl-java's {@code createMultilingualGlossary},
 * {@code listMultilingualGlossaries}, {@code getMultilingualGlossary}, {@code getMultilingualGlossaryDictionaryEntries}
 * and {@code deleteMultilingualGlossary} call, answered as DeepL's API v3 documents it, and the glossary applied to
 * translations that name it.
 *
 * <p>Applying a glossary here: each source term, where it stands as a whole word in the text outside ignored tags,
 * becomes its target term (DeepL does the same with inflection and context; exact words suffice to test the wiring).
 * Every call that changes the glossaries is recorded ({@link #changes()}: {@code CREATE <id> <name>},
 * {@code DELETE <id>}).
 */
public final class StandInGlossaries {
    private static final Pattern ONE = Pattern.compile("/v3/glossaries/([^/]+)");
    private static final Pattern ENTRIES = Pattern.compile("/v3/glossaries/([^/]+)/entries");

    /** One stored glossary (one dictionary per language pair). */
    public record Stored(String id, String name, Instant created, Map<String, Map<String, String>> dictionaries) {
        static String key(String source, String target) {
            return source.toLowerCase(Locale.ROOT) + ">" + target.toLowerCase(Locale.ROOT);
        }
    }

    /** What an endpoint answered: status and JSON body (null for none). */
    record Reply(int status, Object body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Stored> glossaries = new LinkedHashMap<>(); // guarded by this
    private final List<String> changes = new ArrayList<>(); // guarded by this

    synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    synchronized List<Stored> all() {
        return List.copyOf(glossaries.values());
    }

    synchronized Stored get(String id) {
        return glossaries.get(id);
    }

    /** Answers a {@code /v3/glossaries...} request; null when the path is not one of them. */
    synchronized Reply handle(String method, String path, StandInParameters parameters) {
        if (path.equals("/v3/glossaries")) {
            return switch (method) {
                case "GET" -> {
                    ObjectNode root = json.createObjectNode();
                    ArrayNode list = root.putArray("glossaries");
                    glossaries.values().forEach(g -> list.add(info(g)));
                    yield new Reply(200, root);
                }
                case "POST" -> create(parameters);
                default -> new Reply(405, Map.of("message", "Method not allowed"));
            };
        }
        Matcher entries = ENTRIES.matcher(path);
        if (entries.matches()) {
            Stored g = glossaries.get(entries.group(1));
            if (g == null) {
                return notFound();
            }
            String source = parameters == null ? null : parameters.first("source_lang");
            String target = parameters == null ? null : parameters.first("target_lang");
            Map<String, String> dictionary = source == null || target == null ? null
                    : g.dictionaries().get(Stored.key(source, target));
            if (dictionary == null) {
                return new Reply(404, Map.of("message", "Dictionary not found"));
            }
            ObjectNode root = json.createObjectNode();
            root.putArray("dictionaries").addObject().put("source_lang", source.toLowerCase(Locale.ROOT))
                    .put("target_lang", target.toLowerCase(Locale.ROOT)).put("entries", tsv(dictionary))
                    .put("entries_format", "tsv");
            return new Reply(200, root);
        }
        Matcher one = ONE.matcher(path);
        if (one.matches()) {
            String id = one.group(1);
            Stored g = glossaries.get(id);
            if (g == null) {
                return notFound();
            }
            return switch (method) {
                case "GET" -> new Reply(200, info(g));
                case "DELETE" -> {
                    glossaries.remove(id);
                    changes.add("DELETE " + id);
                    yield new Reply(204, null);
                }
                default -> new Reply(405, Map.of("message", "Method not allowed"));
            };
        }
        return null;
    }

    private Reply create(StandInParameters parameters) {
        String name = parameters == null ? null : parameters.first("name");
        if (name == null || name.isBlank()) {
            return new Reply(400, Map.of("message", "Missing or invalid argument: name"));
        }
        Map<String, Map<String, String>> dictionaries = new LinkedHashMap<>();
        for (int i = 0; parameters.first("dictionaries[" + i + "].source_lang") != null; i++) {
            String prefix = "dictionaries[" + i + "].";
            String format = parameters.first(prefix + "entries_format");
            if (!"tsv".equals(format)) {
                return new Reply(400, Map.of("message", "Unsupported entries_format: " + format));
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (String line : parameters.first(prefix + "entries").split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 2 || fields[0].isEmpty() || fields[1].isEmpty()
                        || !fields[0].equals(fields[0].strip()) || !fields[1].equals(fields[1].strip())) {
                    return new Reply(400, Map.of("message", "Invalid glossary entries: '" + line + "'"));
                }
                if (entries.put(fields[0], fields[1]) != null) {
                    return new Reply(400, Map.of("message", "Duplicate source term: '" + fields[0] + "'"));
                }
            }
            dictionaries.put(Stored.key(parameters.first(prefix + "source_lang"), parameters.first(prefix + "target_lang")),
                    entries);
        }
        if (dictionaries.isEmpty()) {
            return new Reply(400, Map.of("message", "Missing or invalid argument: dictionaries"));
        }
        Stored g = new Stored(UUID.randomUUID().toString(), name, Instant.now(), dictionaries);
        glossaries.put(g.id(), g);
        changes.add("CREATE " + g.id() + " " + name);
        return new Reply(201, info(g));
    }

    /** Stores a glossary as if made in DeepL's interface (not by the service): its id. */
    synchronized String add(String name, String source, String target, Map<String, String> entries) {
        Stored g = new Stored(UUID.randomUUID().toString(), name, Instant.now(),
                Map.of(Stored.key(source, target), Map.copyOf(entries)));
        glossaries.put(g.id(), g);
        return g.id();
    }

    /**
     * The text with the glossary applied, or null when the glossary does not exist (DeepL: 404) or has no
     * dictionary for the pair (DeepL: 400).
     */
    synchronized Map<String, String> dictionary(String id, String source, String target) {
        Stored g = glossaries.get(id);
        return g == null ? null : g.dictionaries().get(Stored.key(source, baseLanguage(target)));
    }

    synchronized boolean exists(String id) {
        return glossaries.containsKey(id);
    }

    /** Replaces whole-word source terms outside the {@code ignored} elements. */
    static String apply(String text, Map<String, String> dictionary, List<String> ignored) {
        if (dictionary.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Pattern skip = ignored.isEmpty() ? null : Pattern.compile("<(" + String.join("|", ignored.stream().map(Pattern::quote).toList())
                + ")\\b[^>]*>.*?</\\1>", Pattern.DOTALL);
        Matcher m = skip == null ? null : skip.matcher(text);
        int at = 0;
        while (m != null && m.find()) {
            out.append(replaceTerms(text.substring(at, m.start()), dictionary)).append(m.group());
            at = m.end();
        }
        return out.append(replaceTerms(text.substring(at), dictionary)).toString();
    }

    private static String replaceTerms(String text, Map<String, String> dictionary) {
        String result = text;
        for (Map.Entry<String, String> e : dictionary.entrySet()) {
            result = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])")
                    .matcher(result).replaceAll(Matcher.quoteReplacement(e.getValue()));
        }
        return result;
    }

    static String baseLanguage(String target) {
        int dash = target.indexOf('-');
        return (dash < 0 ? target : target.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private ObjectNode info(Stored g) {
        ObjectNode node = json.createObjectNode().put("glossary_id", g.id()).put("name", g.name())
                .put("creation_time", g.created().toString());
        ArrayNode dictionaries = node.putArray("dictionaries");
        g.dictionaries().forEach((key, entries) -> {
            String[] pair = key.split(">");
            dictionaries.addObject().put("source_lang", pair[0]).put("target_lang", pair[1]).put("entry_count", entries.size());
        });
        return node;
    }

    private static String tsv(Map<String, String> entries) {
        StringBuilder tsv = new StringBuilder();
        entries.forEach((s, t) -> tsv.append(s).append('\t').append(t).append('\n'));
        return tsv.toString();
    }

    private static Reply notFound() {
        return new Reply(404, Map.of("message", "Glossary not found"));
    }
}
