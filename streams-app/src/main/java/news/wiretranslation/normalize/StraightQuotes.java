package news.wiretranslation.normalize;

/**
 * Turns pairs of straight double quotes ({@code "}) into a language's quotation marks.
 *
 * <p>Machine translation and plain-text feeds often return straight quotes where a newsroom prints typographic
 * ones. A straight quote does not say whether it opens or closes, so the conversion pairs them in order and is
 * only made when the pairing is trustworthy; otherwise every quote is left as it is:
 * <ul>
 *   <li>the number of straight quotes is even (an odd number means a quote that runs over into another
 *       paragraph, or an inch mark, and pairing would put marks the wrong way round);</li>
 *   <li>no opening quote is glued to a letter or digit on its left and no closing quote is glued to one on its
 *       right ({@code 5" and 7"} are inch marks, not a quotation).</li>
 * </ul>
 * Spaces just inside a pair are dropped, because the style's marks carry whatever spacing the language wants.
 */
final class StraightQuotes {

    private static final char STRAIGHT = '"';

    private StraightQuotes() {
    }

    /**
     * @param open  what an opening quote becomes, with any space the language puts after it
     * @param close what a closing quote becomes, with any space the language puts before it
     */
    static String convert(String text, String open, String close) {
        if (!pairsAreTrustworthy(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean opening = true;
        int contentStart = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c != STRAIGHT) {
                out.append(c);
            } else if (opening) {
                out.append(open);
                contentStart = out.length();
                while (i + 1 < length && isSpace(text.charAt(i + 1))) {
                    i++;
                }
                opening = false;
            } else {
                while (out.length() > contentStart && isSpace(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1);
                }
                out.append(close);
                opening = true;
            }
        }
        return out.toString();
    }

    private static boolean pairsAreTrustworthy(String text) {
        boolean opening = true;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != STRAIGHT) {
                continue;
            }
            count++;
            int glued = opening ? i - 1 : i + 1;
            if (glued >= 0 && glued < text.length() && Character.isLetterOrDigit(text.charAt(glued))) {
                return false;
            }
            opening = !opening;
        }
        return count > 0 && count % 2 == 0;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }
}
