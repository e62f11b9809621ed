package news.wiretranslation.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a newsroom keeps at DeepL and wants each request to use, per target language: a style rule
 * ({@code DEEPL_STYLE_ID}), custom instructions ({@code DEEPL_CUSTOM_INSTRUCTIONS_FILE}), glossaries managed at DeepL
 * besides the service's own ({@code DEEPL_GLOSSARY_IDS}), a DeepL translation memory and its match threshold
 * ({@code DEEPL_TRANSLATION_MEMORY_ID}, {@code DEEPL_TRANSLATION_MEMORY_THRESHOLD}); and the reporting tag DeepL's
 * cost reports group by ({@code DEEPL_REPORTING_TAG}). Validated by {@link DeepLCustomizationSettings}; what can only
 * be checked against DeepL (that the ids exist and fit the target) is checked when the translator starts.
 *
 * @param byTarget what each target uses, keyed by its code in upper case ({@code DE}); a target without any is absent
 */
public record DeepLCustomizations(Map<String, ForTarget> byTarget, Optional<String> reportingTag) {

    /** The header DeepL's cost reports group requests by (setting {@code DEEPL_REPORTING_TAG}). */
    public static final String REPORTING_TAG_HEADER = "X-DeepL-Reporting-Tag";

    public static final DeepLCustomizations NONE = new DeepLCustomizations(Map.of(), Optional.empty());

    public DeepLCustomizations {
        byTarget = Map.copyOf(byTarget);
        reportingTag = reportingTag == null ? Optional.empty() : reportingTag;
    }

    /** What requests into {@code target} (a DeepL target code) carry. */
    public ForTarget forTarget(String target) {
        return byTarget.getOrDefault(target.toUpperCase(Locale.ROOT), ForTarget.NONE);
    }

    /**
     * The customizations of one target.
     *
     * @param styleId                    DeepL's {@code style_id}, or null
     * @param instructions               DeepL's {@code custom_instructions}, in order (those for every target first)
     * @param glossaryIds                DeepL glossaries managed outside the service, in order
     * @param translationMemoryId        DeepL's {@code translation_memory_id}, or null
     * @param translationMemoryThreshold DeepL's {@code translation_memory_threshold}, or null for DeepL's default
     */
    public record ForTarget(String styleId, List<String> instructions, List<String> glossaryIds,
                            String translationMemoryId, Integer translationMemoryThreshold) {
        public static final ForTarget NONE = new ForTarget(null, List.of(), List.of(), null, null);

        public ForTarget {
            instructions = List.copyOf(instructions);
            glossaryIds = List.copyOf(glossaryIds);
        }

        public boolean isEmpty() {
            return styleId == null && instructions.isEmpty() && glossaryIds.isEmpty() && translationMemoryId == null;
        }
    }
}
