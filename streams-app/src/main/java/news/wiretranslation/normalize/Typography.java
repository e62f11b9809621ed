package news.wiretranslation.normalize;

import java.util.Locale;

/**
 * Gives a text the quotation marks and punctuation spacing of the language it is published in.
 *
 * <p>Machine translation returns straight quotes and English-style spacing whatever the target language, and a
 * newsroom would have to fix every article by hand before publishing it. The labelling step applies this to the
 * text in the output language:
 * <ul>
 *   <li>{@code fr}: {@code "texte"} becomes {@code « texte »} with no-break spaces (U+00A0) inside the
 *       guillemets, and {@link FrenchSpacing} puts a narrow no-break space (U+202F) before {@code ; ! ?} and a
 *       no-break space before {@code :};</li>
 *   <li>{@code de}: {@code „Text“};</li>
 *   <li>{@code en}, {@code nl}: {@code “text”};</li>
 *   <li>{@code es}, {@code it}, {@code pt}: {@code «texto»}, without inner spaces;</li>
 *   <li>any other language: unchanged.</li>
 * </ul>
 * Straight quotes are converted only when they pair up reliably ({@link StraightQuotes}); otherwise they are left
 * straight, which is better than quotes facing the wrong way. French spacing does not depend on the quotes, so it
 * is applied either way. Numbers, dates, times, ids, URLs and e-mail addresses come through unchanged.
 *
 * <p>Only the primary language subtag counts ({@code fr-CA} is {@code fr}); regional conventions such as Swiss
 * German guillemets are not distinguished. Stateless and thread-safe.
 */
public final class Typography {

    private static final String FRENCH_OPEN = "«" + FrenchSpacing.NO_BREAK_SPACE;
    private static final String FRENCH_CLOSE = FrenchSpacing.NO_BREAK_SPACE + "»";

    private Typography() {
    }

    /**
     * Applies the typography of {@code language} to {@code text}.
     *
     * @param text     the text, one paragraph or headline ({@code null} is treated as empty)
     * @param language an ISO 639-1 code such as {@code fr}, {@code de}, {@code en}, optionally with a region
     * @return the text, whether it changed, and the rule's name {@code typography:<lang>}
     */
    public static TypographyResult apply(String text, String language) {
        String lang = primaryLanguage(language);
        String input = text == null ? "" : text;
        String output = switch (lang) {
            case "fr" -> FrenchSpacing.apply(StraightQuotes.convert(input, FRENCH_OPEN, FRENCH_CLOSE));
            case "de" -> StraightQuotes.convert(input, "„", "“");
            case "en", "nl" -> StraightQuotes.convert(input, "“", "”");
            case "es", "it", "pt" -> StraightQuotes.convert(input, "«", "»");
            default -> input;
        };
        return new TypographyResult(output, !output.equals(input), "typography:" + lang);
    }

    private static String primaryLanguage(String language) {
        if (language == null || language.isBlank()) {
            return "und";
        }
        String tag = language.strip();
        int separator = tag.indexOf('-') >= 0 ? tag.indexOf('-') : tag.indexOf('_');
        return (separator > 0 ? tag.substring(0, separator) : tag).toLowerCase(Locale.ROOT);
    }
}
