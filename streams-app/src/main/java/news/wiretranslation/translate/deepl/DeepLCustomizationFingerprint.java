package news.wiretranslation.translate.deepl;

import news.wiretranslation.config.DeepLCustomizations;
import news.wiretranslation.translate.SettingsFingerprint;

/**
 * The part of a target's settings string ({@link DeepLTranslator#settings(String, String)}) that the DeepL
 * customizations make: what goes into the settings fingerprint and the translation-memory keys, so that a translation
 * made with another style rule, other instructions, glossaries or translation memory is neither reused nor taken for
 * current by a replay.
 *
 * <p>Only the configured ids count, not what DeepL keeps under them: a style rule or glossary edited in place at DeepL
 * keeps its id and so the fingerprint (docs/configuration.md says to use a new one when old translations should go).
 * The reporting tag is left out: it changes DeepL's cost report, not the translation.
 */
final class DeepLCustomizationFingerprint {
    private DeepLCustomizationFingerprint() {
    }

    /** {@code ,style=<id>,instructions=<hash>,glossaries=<id>+<id>,translation_memory=<id>@<threshold>}, each when set. */
    static String of(DeepLCustomizations.ForTarget custom) {
        StringBuilder settings = new StringBuilder();
        if (custom.styleId() != null) {
            settings.append(",style=").append(custom.styleId());
        }
        if (!custom.instructions().isEmpty()) {
            // A hash: the instructions are prose of up to 3,000 characters; their order counts, as DeepL reads them so.
            settings.append(",instructions=").append(SettingsFingerprint.shortHash(String.join("\u0000", custom.instructions())));
        }
        if (!custom.glossaryIds().isEmpty()) {
            settings.append(",glossaries=").append(String.join("+", custom.glossaryIds()));
        }
        if (custom.translationMemoryId() != null) {
            settings.append(",translation_memory=").append(custom.translationMemoryId()).append('@')
                    .append(custom.translationMemoryThreshold() == null ? "default" : custom.translationMemoryThreshold());
        }
        return settings.toString();
    }
}
