package news.wiretranslation.glossary;

import java.util.Set;

/**
 * The languages DeepL accepts in glossaries (its {@code /v2/glossary-language-pairs} and the v3 multilingual
 * glossaries: every combination of two different languages of this list), as of deepl-java 1.17 / API v3. Kept
 * here so that {@code glossary check} and start-up can refuse an unsupported pair without asking DeepL.
 */
public final class GlossaryLanguages {
    public static final Set<String> SUPPORTED = Set.of(
            "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hu", "id", "it", "ja", "ko",
            "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "th", "tr", "uk", "vi", "zh");

    private GlossaryLanguages() {
    }

    /** Why DeepL would refuse a glossary for this pair, or null when it accepts one. */
    public static String refusal(LanguagePair pair) {
        if (pair.source().equals(pair.target())) {
            return "source and target language are the same (" + pair.source() + ")";
        }
        for (String language : new String[]{pair.source(), pair.target()}) {
            if (!SUPPORTED.contains(language)) {
                return "DeepL has no glossaries for '" + language + "' (it supports " + String.join(", ",
                        new java.util.TreeSet<>(SUPPORTED)) + ")";
            }
        }
        return null;
    }
}
