package news.wiretranslation.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

/** Languages as tag values: the primary subtag in lower case, or "other", so that a producer's typo cannot add series. */
final class LanguageTag {
    private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

    private LanguageTag() {
    }

    /** {@code fr-FR} → {@code fr}, {@code EN_us} → {@code en}; null or blank → null; anything else → {@code other}. */
    static String primary(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String primary = language.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return PRIMARY.matcher(primary).matches() ? primary : "other";
    }
}
