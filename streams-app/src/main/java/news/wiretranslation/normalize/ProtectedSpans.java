package news.wiretranslation.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of a text that typography must not touch: URLs, {@code www.} addresses and e-mail addresses.
 *
 * <p>A French space before {@code :} or {@code ?} inside {@code https://example.org/a?b=c} would break the link.
 * Sentence punctuation right after an address ({@code "voir www.example.org."}) is not part of it.
 */
final class ProtectedSpans {

    private static final String ADDRESS_CHAR = "[^\\s\"«»“”„<>]";
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b[a-z][a-z0-9+.-]*://" + ADDRESS_CHAR + "*"
                    + "|\\b(?:mailto|tel):" + ADDRESS_CHAR + "+"
                    + "|\\bwww\\." + ADDRESS_CHAR + "+"
                    + "|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String TRAILING_SENTENCE_PUNCTUATION = ".,;:!?";

    private ProtectedSpans() {
    }

    /** One flag per char of {@code text}: {@code true} where the char belongs to an address. */
    static boolean[] mask(String text) {
        boolean[] mask = new boolean[text.length()];
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() && TRAILING_SENTENCE_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            for (int i = matcher.start(); i < end; i++) {
                mask[i] = true;
            }
        }
        return mask;
    }
}
