package news.wiretranslation.normalize;

/**
 * French spacing around punctuation: a no-break space inside guillemets and before {@code :}, a narrow no-break
 * space before {@code ; ! ?}.
 *
 * <p>French typography separates these marks from the word they follow, with a space that must not break (or
 * the mark would start the next line). Translation engines and feeds deliver either an ordinary space there or
 * none, so this replaces the ordinary space and adds a missing one, and leaves alone a no-break space that is
 * already there (publishers differ on which kind they use before {@code ; ! ?}).
 *
 * <p>It only adds a space where the mark is clearly sentence punctuation: after a word, a number or a closing
 * mark, and followed by a space, the end of the text or a closing mark. So {@code 10:30}, {@code 3:1},
 * {@code ?id=7} and {@code (!)} are left alone, and URLs and e-mail addresses are never touched
 * ({@link ProtectedSpans}). A run like {@code ?!} is spaced once, before the run.
 */
final class FrenchSpacing {

    static final char NO_BREAK_SPACE = '\u00A0';
    static final char NARROW_NO_BREAK_SPACE = '\u202F';

    private static final String SPACED_PUNCTUATION = ";!?:";
    /** Marks after which a following ; ! ? : still belongs to the sentence ("(voir p. 3)?", "« non »!"). */
    private static final String CLOSING = ")]}»”’\"'….%";

    private FrenchSpacing() {
    }

    static String apply(String text) {
        boolean[] isProtected = ProtectedSpans.mask(text);
        StringBuilder out = new StringBuilder(text.length() + 8);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isProtected[i]) {
                out.append(c);
            } else if (c == '«') {
                out.append(c);
                if (i + 1 < length && text.charAt(i + 1) == ' ') {
                    i++;
                }
                if (i + 1 < length && !isNoBreakSpace(text.charAt(i + 1))) {
                    out.append(NO_BREAK_SPACE);
                }
            } else if (c == '»') {
                spaceBefore(out, NO_BREAK_SPACE, true);
                out.append(c);
            } else if (SPACED_PUNCTUATION.indexOf(c) >= 0 && (i == 0 || SPACED_PUNCTUATION.indexOf(text.charAt(i - 1)) < 0)) {
                boolean sentence = endsSentencePunctuation(text, i) && followsSentenceText(out);
                spaceBefore(out, c == ':' ? NO_BREAK_SPACE : NARROW_NO_BREAK_SPACE, sentence);
                out.append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Makes the output end with {@code space} before the mark that comes next: an ordinary space is replaced, a
     * no-break space is kept, and when there is no space one is added if {@code addIfMissing}.
     */
    private static void spaceBefore(StringBuilder out, char space, boolean addIfMissing) {
        if (out.length() == 0) {
            return;
        }
        int last = out.length() - 1;
        char previous = out.charAt(last);
        if (previous == ' ') {
            if (last > 0) {
                out.setCharAt(last, space);
            }
        } else if (!isNoBreakSpace(previous) && addIfMissing) {
            out.append(space);
        }
    }

    /** Whether the text so far ends with a word, a number or a closing mark, i.e. not with "(" or a quote opening. */
    private static boolean followsSentenceText(StringBuilder out) {
        if (out.length() == 0) {
            return false;
        }
        char previous = out.charAt(out.length() - 1);
        return Character.isLetterOrDigit(previous) || CLOSING.indexOf(previous) >= 0;
    }

    /** Whether the run of ; ! ? : starting at {@code start} is followed by a space, the end or a closing mark. */
    private static boolean endsSentencePunctuation(String text, int start) {
        int end = start;
        while (end < text.length() && SPACED_PUNCTUATION.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        if (end == text.length()) {
            return true;
        }
        char next = text.charAt(end);
        return next == ' ' || isNoBreakSpace(next) || CLOSING.indexOf(next) >= 0;
    }

    private static boolean isNoBreakSpace(char c) {
        return c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE;
    }
}
