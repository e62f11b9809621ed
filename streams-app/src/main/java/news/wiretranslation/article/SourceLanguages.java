package news.wiretranslation.article;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.github.pemistahl.lingua.api.Language;

/**
 * The languages the service may detect: those DeepL translates from, as ISO 639-1 lower-case codes, and the
 * Lingua {@link Language} each one maps to.
 *
 * <p>Detection is restricted to languages we can translate from, because a detector that knows more languages is
 * both slower and less accurate, and a language we cannot translate from is a dead letter whatever it is.
 * Operators may restrict the set further (fewer languages load faster and confuse less), via
 * {@link #parse(String)}.
 *
 * <p>Lingua 1.2.2 has every one of DeepL's source languages: ar bg cs da de el en es et fi fr he hu id it ja ko
 * lt lv nb nl pl pt ro ru sk sl sv th tr uk vi zh. Norwegian is Bokmål ({@code nb} = {@link Language#BOKMAL}),
 * which is what DeepL's {@code NB} means; Nynorsk is not a DeepL source language.
 */
public final class SourceLanguages {

    private static final Map<String, Language> DEEPL_SOURCES = buildTable();

    private SourceLanguages() {
    }

    private static Map<String, Language> buildTable() {
        Map<String, Language> table = new LinkedHashMap<>();
        table.put("ar", Language.ARABIC);
        table.put("bg", Language.BULGARIAN);
        table.put("cs", Language.CZECH);
        table.put("da", Language.DANISH);
        table.put("de", Language.GERMAN);
        table.put("el", Language.GREEK);
        table.put("en", Language.ENGLISH);
        table.put("es", Language.SPANISH);
        table.put("et", Language.ESTONIAN);
        table.put("fi", Language.FINNISH);
        table.put("fr", Language.FRENCH);
        table.put("he", Language.HEBREW);
        table.put("hu", Language.HUNGARIAN);
        table.put("id", Language.INDONESIAN);
        table.put("it", Language.ITALIAN);
        table.put("ja", Language.JAPANESE);
        table.put("ko", Language.KOREAN);
        table.put("lt", Language.LITHUANIAN);
        table.put("lv", Language.LATVIAN);
        table.put("nb", Language.BOKMAL);
        table.put("nl", Language.DUTCH);
        table.put("pl", Language.POLISH);
        table.put("pt", Language.PORTUGUESE);
        table.put("ro", Language.ROMANIAN);
        table.put("ru", Language.RUSSIAN);
        table.put("sk", Language.SLOVAK);
        table.put("sl", Language.SLOVENE);
        table.put("sv", Language.SWEDISH);
        table.put("th", Language.THAI);
        table.put("tr", Language.TURKISH);
        table.put("uk", Language.UKRAINIAN);
        table.put("vi", Language.VIETNAMESE);
        table.put("zh", Language.CHINESE);
        return Collections.unmodifiableMap(table);
    }

    /** Every language DeepL translates from, as ISO 639-1 lower-case codes, in alphabetical order. */
    public static Set<String> deepLDefaults() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(DEEPL_SOURCES.keySet()));
    }

    /**
     * Reads a configured list such as {@code "fr, de,ES"}: codes are trimmed and lower-cased, empty items ignored.
     *
     * @throws IllegalArgumentException naming the first unknown code, or when the list names no language
     */
    public static Set<String> parse(String commaSeparated) {
        Set<String> codes = new TreeSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(","))
                    .map(code -> code.strip().toLowerCase(Locale.ROOT))
                    .filter(code -> !code.isEmpty())
                    .forEach(code -> codes.add(requireKnown(code)));
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("No source language configured in '" + commaSeparated
                    + "'; expected a comma-separated list such as 'fr,de,es'");
        }
        return Collections.unmodifiableSet(codes);
    }

    /**
     * The Lingua language for a code.
     *
     * @throws IllegalArgumentException naming the code when it is not one of {@link #deepLDefaults()}
     */
    public static Language toLingua(String code) {
        return DEEPL_SOURCES.get(requireKnown(code));
    }

    /** Whether {@code code} is one of {@link #deepLDefaults()}. */
    public static boolean isKnown(String code) {
        return code != null && DEEPL_SOURCES.containsKey(code);
    }

    /** The ISO 639-1 lower-case code of a Lingua language, e.g. {@code fr}, {@code nb}. */
    public static String isoCode(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static String requireKnown(String code) {
        if (code == null || !DEEPL_SOURCES.containsKey(code)) {
            throw new IllegalArgumentException("Unknown source language code '" + code
                    + "': expected ISO 639-1 lower case, one of " + String.join(",", DEEPL_SOURCES.keySet()));
        }
        return code;
    }
}
