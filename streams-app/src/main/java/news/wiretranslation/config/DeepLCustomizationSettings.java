package news.wiretranslation.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates the settings of {@link DeepLCustomizations}: formats, DeepL's documented limits, and the
 * combinations DeepL would refuse on every request. Each error names its setting.
 */
final class DeepLCustomizationSettings {

    /** The key of a value that applies to every target. */
    static final String ALL_TARGETS = "*";

    /** DeepL: at most 5 glossaries in one request (deepl-java 1.17 refuses more). */
    static final int MAX_GLOSSARIES_PER_REQUEST = 5;
    /** DeepL: at most 10 custom instructions in one request, each at most 300 characters. */
    static final int MAX_INSTRUCTIONS = 10;
    static final int MAX_INSTRUCTION_CHARS = 300;
    /** The target languages DeepL accepts custom instructions for (and their variants, EN-US, ZH-HANS, ...). */
    static final Set<String> INSTRUCTION_LANGUAGES = Set.of("de", "en", "es", "fr", "it", "ja", "ko", "zh");
    /** DeepL's ids are UUIDs; anything else cannot be one and would only fail at DeepL. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    /**
     * The reporting tag: DeepL's docs give no character set, so the service allows what any HTTP proxy passes
     * unchanged and a cost report shows legibly: letters, digits, '-', '_', '.', ':' and '/', 1-100 characters.
     */
    private static final Pattern REPORTING_TAG = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

    private final Function<Setting, Optional<String>> settings;
    private final List<TargetLanguage> targets;

    DeepLCustomizationSettings(Function<Setting, Optional<String>> settings, List<TargetLanguage> targets) {
        this.settings = settings;
        this.targets = targets;
    }

    /**
     * @param modelTypes        the model type per target ({@link #ALL_TARGETS} for every target)
     * @param ownGlossaries     whether GLOSSARY_DIR is set (the service's own glossary takes one of the five places)
     * @param extraHeaderNames  the names in DEEPL_EXTRA_HEADERS (the reporting tag must not be set twice)
     */
    DeepLCustomizations read(Map<String, String> modelTypes, boolean ownGlossaries, Set<String> extraHeaderNames) {
        Map<String, String> styles = single(Setting.DEEPL_STYLE_ID);
        if (styles.containsKey(ALL_TARGETS) && targets.stream().map(TargetLanguage::language).distinct().count() > 1) {
            throw invalid(Setting.DEEPL_STYLE_ID, "a style rule is for one language; give one per target (DE=<id>)"
                    + " when TARGET_LANGUAGES " + targets + " hold several");
        }
        Map<String, List<String>> glossaries = several(Setting.DEEPL_GLOSSARY_IDS);
        int room = MAX_GLOSSARIES_PER_REQUEST - (ownGlossaries ? 1 : 0);
        for (TargetLanguage target : targets) {
            int count = joined(glossaries, target).size();
            if (count > room) {
                throw invalid(Setting.DEEPL_GLOSSARY_IDS, target + " would get " + count + " glossaries; DeepL takes "
                        + MAX_GLOSSARIES_PER_REQUEST + " in one request" + (ownGlossaries
                        ? ", one of which is the service's own from GLOSSARY_DIR" : ""));
            }
        }
        Map<String, List<String>> instructions = instructions();
        for (TargetLanguage target : targets) {
            boolean styled = styles.containsKey(target.code()) || styles.containsKey(ALL_TARGETS);
            boolean instructed = !joined(instructions, target).isEmpty();
            String model = modelTypes.getOrDefault(target.code(), modelTypes.get(ALL_TARGETS));
            if ((styled || instructed) && "latency_optimized".equals(model)) {
                Setting setting = styled ? Setting.DEEPL_STYLE_ID : Setting.DEEPL_CUSTOM_INSTRUCTIONS_FILE;
                throw invalid(setting, "DeepL refuses style rules and custom instructions with model_type "
                        + "latency_optimized, which DEEPL_MODEL_TYPE gives " + target);
            }
        }
        Map<String, String> memories = single(Setting.DEEPL_TRANSLATION_MEMORY_ID);
        Optional<Integer> threshold = settings.apply(Setting.DEEPL_TRANSLATION_MEMORY_THRESHOLD).map(value -> {
            int parsed;
            try {
                parsed = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw invalid(Setting.DEEPL_TRANSLATION_MEMORY_THRESHOLD, "a whole percentage from 0 to 100");
            }
            if (parsed < 0 || parsed > 100) {
                throw invalid(Setting.DEEPL_TRANSLATION_MEMORY_THRESHOLD, "a whole percentage from 0 to 100");
            }
            if (memories.isEmpty()) {
                throw invalid(Setting.DEEPL_TRANSLATION_MEMORY_THRESHOLD,
                        "a threshold only applies with a translation memory: set DEEPL_TRANSLATION_MEMORY_ID");
            }
            return parsed;
        });
        Optional<String> tag = settings.apply(Setting.DEEPL_REPORTING_TAG).map(String::strip).map(value -> {
            if (!REPORTING_TAG.matcher(value).matches()) {
                throw invalid(Setting.DEEPL_REPORTING_TAG, "1-100 characters of letters, digits, '-', '_', '.', ':' or '/'");
            }
            if (extraHeaderNames.stream().anyMatch(DeepLCustomizations.REPORTING_TAG_HEADER::equalsIgnoreCase)) {
                throw invalid(Setting.DEEPL_REPORTING_TAG, "DEEPL_EXTRA_HEADERS sets " + DeepLCustomizations.REPORTING_TAG_HEADER
                        + " too; set it in one place");
            }
            return value;
        });
        Map<String, DeepLCustomizations.ForTarget> byTarget = new LinkedHashMap<>();
        for (TargetLanguage target : targets) {
            String memory = memories.getOrDefault(target.code(), memories.get(ALL_TARGETS));
            DeepLCustomizations.ForTarget custom = new DeepLCustomizations.ForTarget(
                    styles.getOrDefault(target.code(), styles.get(ALL_TARGETS)), joined(instructions, target),
                    joined(glossaries, target), memory, memory == null ? null : threshold.orElse(null));
            if (!custom.isEmpty()) {
                byTarget.put(target.code(), custom);
            }
        }
        return new DeepLCustomizations(byTarget, tag);
    }

    /** {@code id} for every target, {@code TARGET=id} for one, or both; one id per target. */
    private Map<String, String> single(Setting setting) {
        Map<String, String> byTarget = new LinkedHashMap<>();
        several(setting).forEach((target, ids) -> {
            if (ids.size() > 1) {
                throw invalid(setting, "one id " + (target.equals(ALL_TARGETS)
                        ? "for every target" : "for " + target) + ", not " + ids.size());
            }
            byTarget.put(target, ids.get(0));
        });
        return byTarget;
    }

    /** {@code id,id,DE=id,DE=id}: ids for every target and per target. */
    private Map<String, List<String>> several(Setting setting) {
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        Optional<String> value = settings.apply(setting);
        for (String part : value.map(v -> v.split(",")).orElse(new String[0])) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String target = eq < 0 ? ALL_TARGETS : target(setting, item.substring(0, eq));
            String id = (eq < 0 ? item : item.substring(eq + 1)).strip();
            if (!ID.matcher(id).matches()) {
                throw invalid(setting, "DeepL ids (letters, digits, '-'), for every target or per target "
                        + "(DE=<id>); '" + id + "' is not one");
            }
            List<String> ids = byTarget.computeIfAbsent(target, t -> new ArrayList<>());
            if (ids.contains(id)) {
                throw invalid(setting, "id " + id + " given twice");
            }
            ids.add(id);
        }
        return byTarget;
    }

    /** The instructions file: {@code TARGET: instruction} or {@code *: instruction} per line, # for comments. */
    private Map<String, List<String>> instructions() {
        Setting setting = Setting.DEEPL_CUSTOM_INSTRUCTIONS_FILE;
        Optional<String> value = settings.apply(setting);
        if (value.isEmpty()) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(value.get()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw invalid(setting, "a readable UTF-8 file (" + e.getMessage() + ")");
        }
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw invalid(setting, "line " + (n + 1) + ": 'TARGET: instruction' or '*: instruction'");
            }
            String key = line.substring(0, colon).strip();
            String target = key.equals("*") ? ALL_TARGETS : target(setting, key);
            String instruction = line.substring(colon + 1).strip();
            int chars = instruction.codePointCount(0, instruction.length());
            if (chars == 0 || chars > MAX_INSTRUCTION_CHARS) {
                throw invalid(setting, "line " + (n + 1) + ": an instruction of 1-" + MAX_INSTRUCTION_CHARS
                        + " characters (DeepL's limit), not " + chars);
            }
            byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(instruction);
        }
        for (TargetLanguage target : targets) {
            List<String> all = joined(byTarget, target);
            if (all.size() > MAX_INSTRUCTIONS) {
                throw invalid(setting, target + " would get " + all.size() + " instructions; DeepL takes "
                        + MAX_INSTRUCTIONS + " in one request");
            }
            if (!all.isEmpty() && !INSTRUCTION_LANGUAGES.contains(target.language())) {
                throw invalid(setting, "DeepL takes custom instructions only for targets in "
                        + new java.util.TreeSet<>(INSTRUCTION_LANGUAGES) + " (and their variants), not " + target);
            }
        }
        return byTarget;
    }

    private String target(Setting setting, String code) {
        String target = code.strip().toUpperCase(Locale.ROOT);
        if (targets.stream().noneMatch(t -> t.code().equals(target))) {
            throw invalid(setting, target + " is not one of TARGET_LANGUAGES " + targets);
        }
        return target;
    }

    /** The values for every target, then the target's own. */
    private static List<String> joined(Map<String, List<String>> byTarget, TargetLanguage target) {
        List<String> all = new ArrayList<>(byTarget.getOrDefault(ALL_TARGETS, List.of()));
        all.addAll(byTarget.getOrDefault(target.code(), List.of()));
        return all;
    }

    private ConfigException invalid(Setting setting, String expected) {
        return ConfigException.invalid(setting, settings.apply(setting).orElse(""), expected);
    }
}
