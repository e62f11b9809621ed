package news.wiretranslation.translate.apertium;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Brings the language codes of the pipeline and of Apertium to one spelling: ISO 639-1, lower case.
 *
 * <p>Why: the same language arrives spelled in several ways. Apertium's mode names mix two- and three-letter codes
 * ({@code fr-es} next to {@code spa-eng} and {@code fra-cat}), some with a variant ({@code spa-eng_US}); APY lists
 * three-letter codes; the pipeline names sources in ISO 639-1 ({@code fr}) and targets DeepL-style ({@code EN-US},
 * {@code PT-BR}). Routes can only be found when {@code fr-es} and {@code spa-eng} meet at the same {@code es}.
 *
 * <p>Three-letter codes are mapped with {@link Locale}'s ISO 639-2/T table (the codes Apertium uses). A code that has
 * no two-letter equivalent (e.g. {@code ast}, Asturian) stays as it is, lower-cased.
 */
public final class LanguageCodes {

    private static final Map<String, String> TWO_LETTER_BY_THREE_LETTER = twoLetterByThreeLetter();

    private LanguageCodes() {
    }

    /**
     * The bare language of {@code code} in ISO 639-1 when it has one: {@code fra} → {@code fr}, {@code EN-US} →
     * {@code en}, {@code eng_US} → {@code en}, {@code pt_BR} → {@code pt}, {@code ast} → {@code ast}.
     * Region and variant (after {@code -} or {@code _}) are dropped.
     */
    public static String normalize(String code) {
        String language = code.strip();
        int separator = indexOfSeparator(language);
        if (separator >= 0) {
            language = language.substring(0, separator);
        }
        language = language.toLowerCase(Locale.ROOT);
        return TWO_LETTER_BY_THREE_LETTER.getOrDefault(language, language);
    }

    private static int indexOfSeparator(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '-' || c == '_') {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> twoLetterByThreeLetter() {
        Map<String, String> map = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            try {
                String threeLetter = new Locale(twoLetter).getISO3Language();
                if (!threeLetter.isEmpty()) {
                    map.putIfAbsent(threeLetter, twoLetter);
                }
            } catch (MissingResourceException e) {
                // No three-letter code known for this language: nothing to map.
            }
        }
        return Map.copyOf(map);
    }
}
