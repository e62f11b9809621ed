package news.wiretranslation.detect;

/**
 * Cuts a text to the part language detection looks at.
 *
 * <p>Lingua's cost grows with the length of the text (about 1 ms for a headline, a few ms for 3,000
 * characters in low-accuracy mode) while its answer stops improving after a few hundred characters, so the
 * detector reads only the beginning of an article. The cut is made at the last whitespace before the limit so
 * that no half word (a misleading n-gram) is fed to the detector; text without any whitespace there (Chinese,
 * Japanese, Thai) is cut at the limit, never inside a surrogate pair.
 */
final class TextSample {

    private TextSample() {
    }

    /** @return {@code text} itself when it is at most {@code maxChars} long, otherwise its cut beginning */
    static String head(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        if (Character.isWhitespace(text.charAt(maxChars))) {
            return text.substring(0, maxChars);
        }
        for (int i = maxChars - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i);
            }
        }
        int end = Character.isLowSurrogate(text.charAt(maxChars)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }
}
