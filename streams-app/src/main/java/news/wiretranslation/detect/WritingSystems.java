package news.wiretranslation.detect;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells whether a text is mainly written in a script that one of the configured languages uses.
 *
 * <p>Lingua judges a text only by the words written in the scripts of the languages it knows and ignores the
 * others. For a Georgian or Amharic article that mentions one Latin name, it therefore answers with confidence
 * that the article is English (measured with Lingua 1.2.2). Comparing the letters' scripts first turns such
 * articles into "no supported language fits" instead of a wrong, confident guess.
 *
 * <p>Only letters count; letters of the Common and Inherited scripts (shared marks such as the Japanese long
 * vowel sign) count for neither side. Korean counts as Hangul only: the few Hanja in Korean news never
 * decide the majority, and counting them would let Chinese text pass for Korean when Chinese is not configured.
 * Immutable and thread-safe.
 */
final class WritingSystems {

    private static final Map<String, Set<UnicodeScript>> SCRIPTS_BY_LANGUAGE = Map.ofEntries(
            Map.entry("ar", EnumSet.of(UnicodeScript.ARABIC)),
            Map.entry("bg", EnumSet.of(UnicodeScript.CYRILLIC)),
            Map.entry("el", EnumSet.of(UnicodeScript.GREEK)),
            Map.entry("he", EnumSet.of(UnicodeScript.HEBREW)),
            Map.entry("ja", EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA)),
            Map.entry("ko", EnumSet.of(UnicodeScript.HANGUL)),
            Map.entry("ru", EnumSet.of(UnicodeScript.CYRILLIC)),
            Map.entry("th", EnumSet.of(UnicodeScript.THAI)),
            Map.entry("uk", EnumSet.of(UnicodeScript.CYRILLIC)),
            Map.entry("zh", EnumSet.of(UnicodeScript.HAN)));

    private final Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
    private final Set<String> languages;

    /** @param languages ISO 639-1 codes; any code not listed above is written in the Latin script */
    WritingSystems(Set<String> languages) {
        this.languages = Set.copyOf(languages);
        for (String language : languages) {
            scripts.addAll(scriptsOf(language));
        }
    }

    /**
     * @return true when at least half of the text's script-specific letters are in a configured language's script;
     *         false as well when the text has no such letters at all (digits, punctuation, emoji)
     */
    boolean mostlyWrittenInConfiguredScripts(String text) {
        int known = 0;
        int foreign = 0;
        for (Map.Entry<UnicodeScript, Integer> letters : letterScripts(text).entrySet()) {
            if (scripts.contains(letters.getKey())) {
                known += letters.getValue();
            } else {
                foreign += letters.getValue();
            }
        }
        return known > 0 && known >= foreign;
    }

    /** The text's letters counted by script, leaving out those of the Common and Inherited scripts. */
    private static Map<UnicodeScript, Integer> letterScripts(String text) {
        Map<UnicodeScript, Integer> counts = new java.util.EnumMap<>(UnicodeScript.class);
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (!Character.isLetter(codePoint)) {
                continue;
            }
            UnicodeScript script = UnicodeScript.of(codePoint);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                counts.merge(script, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The script most of the text's letters are written in, when that is not a configured language's script: the
     * text is then in a language the engine does not translate from, whatever it is (Georgian, Armenian, Ethiopic...).
     *
     * @return empty when the text is mostly in configured scripts, or has no script-specific letters
     */
    java.util.Optional<UnicodeScript> foreignScript(String text) {
        if (mostlyWrittenInConfiguredScripts(text)) {
            return java.util.Optional.empty();
        }
        Map<UnicodeScript, Integer> counts = letterScripts(text);
        counts.keySet().removeAll(scripts);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /**
     * The language a text's script alone decides: when most of its letters are in a script that exactly one configured
     * language uses (Greek, Hebrew, Thai, Hangul, Arabic), or when it holds Japanese kana (at least one letter in ten
     * of its Han and kana; Japanese news writes its grammar in kana, Chinese has none). Han alone is left to the
     * detector when both Chinese and Japanese are configured, and Latin and Cyrillic always are.
     *
     * @return the ISO 639-1 code, or empty when the script does not decide
     */
    java.util.Optional<String> soleLanguage(String text) {
        Map<UnicodeScript, Integer> counts = letterScripts(text);
        int letters = counts.values().stream().mapToInt(Integer::intValue).sum();
        int kana = counts.getOrDefault(UnicodeScript.HIRAGANA, 0) + counts.getOrDefault(UnicodeScript.KATAKANA, 0);
        int han = counts.getOrDefault(UnicodeScript.HAN, 0);
        if (kana > 0 && 10 * kana >= kana + han && 2 * (kana + han) >= letters && languages.contains("ja")) {
            return java.util.Optional.of("ja");
        }
        java.util.Optional<Map.Entry<UnicodeScript, Integer>> main =
                counts.entrySet().stream().max(Map.Entry.comparingByValue());
        if (main.isEmpty() || 2 * main.get().getValue() < letters) {
            return java.util.Optional.empty();
        }
        List<String> users = languages.stream()
                .filter(language -> scriptsOf(language).contains(main.get().getKey())).toList();
        return users.size() == 1 ? java.util.Optional.of(users.get(0)) : java.util.Optional.empty();
    }

    private static Set<UnicodeScript> scriptsOf(String language) {
        return SCRIPTS_BY_LANGUAGE.getOrDefault(language, EnumSet.of(UnicodeScript.LATIN));
    }

    /** A script's name for people: {@code Georgian}, {@code Ethiopic}. */
    static String displayName(UnicodeScript script) {
        String name = script.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
