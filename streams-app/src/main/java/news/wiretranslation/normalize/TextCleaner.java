package news.wiretranslation.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans one string (a headline or a paragraph) into a single line of NFC-normalized plain text.
 *
 * <p>Feeds deliver text with invisible debris: control characters from broken encoders, byte-order marks and
 * zero-width spaces pasted from CMSs, lone surrogates from text cut in the middle of an emoji, and a dozen kinds
 * of Unicode space. The debris costs translation characters, splits translation-memory keys that should match,
 * and confuses language detection, so it is removed here, once, before anything else looks at the text.
 *
 * <ul>
 *   <li>Terminal escape sequences are removed whole: CSI ({@code ESC [} parameters, intermediates, one final byte,
 *       e.g. the colour code {@code ESC[31m}) and OSC ({@code ESC ]} ... BEL or {@code ESC \}, e.g. a terminal
 *       hyperlink), also in their 8-bit forms U+009B and U+009D. Dropping only the ESC, as the control-character rule
 *       would, leaves {@code [31m} in the text. A bare {@code [31m} whose ESC was lost before the text reached the
 *       service is kept: without the ESC it cannot be told from bracketed text ("[10m]" in a depth, "[2h]" in a
 *       timetable), and deleting an editor's text silently is worse than leaving visible debris an editor can see.</li>
 *   <li>Unpaired surrogates are dropped.</li>
 *   <li>Replacement characters U+FFFD are dropped: they stand for bytes that were not valid UTF-8, carry no text, and
 *       would be sent to (and billed by) the engine. {@link TextNormalizer} counts them first, notes them and refuses
 *       a text that is mostly made of them.</li>
 *   <li>Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are dropped: they reorder
 *       what a reader sees, so a headline can be made to read differently from what it says (a "Trojan Source"
 *       spoof), and a plain-text paragraph has no markup for them to belong to. The bidi marks LRM U+200E, RLM U+200F
 *       and ALM U+061C are kept: they only nudge neutral characters (digits, punctuation) beside Arabic or Hebrew and
 *       cannot reorder a run of text.</li>
 *   <li>Control characters (C0, DEL, C1) are dropped; those that separate words (tab, line breaks) become a space,
 *       so that {@code "a\nb"} does not turn into {@code "ab"}.</li>
 *   <li>Invisible format characters with no meaning in running text are dropped: zero-width space U+200B,
 *       word joiner U+2060, byte-order mark U+FEFF and soft hyphen U+00AD. Other format characters are kept,
 *       notably ZWJ U+200D and ZWNJ U+200C, which change how emoji and several scripts (Arabic, Indic) are
 *       written, and the bidirectional marks.</li>
 *   <li>Every Unicode space becomes a plain space, except that a no-break space U+00A0 or narrow no-break space
 *       U+202F stays as it is next to French punctuation ({@code « » : ; ! ?}), where French typography
 *       requires it and a translator or renderer needs it to keep the punctuation on the same line.</li>
 *   <li>The text is NFC-normalized, so that a decomposed "e" + U+0301 and a precomposed "é" are the same string.</li>
 *   <li>Runs of spaces collapse to one (a kept no-break space wins over plain spaces) and the ends are trimmed.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TextCleaner {

    private static final char NO_BREAK_SPACE = '\u00A0';
    private static final char NARROW_NO_BREAK_SPACE = '\u202F';
    static final char REPLACEMENT_CHARACTER = '\uFFFD';

    /**
     * CSI: ESC [ (or U+009B), parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E.
     * OSC: ESC ] (or U+009D), anything up to BEL, ESC \ or U+009C; bounded so a missing terminator cannot eat a
     * paragraph (an unterminated OSC loses only its ESC, as any control character).
     */
    static final Pattern TERMINAL_ESCAPE = Pattern.compile(
            "(?:\u001B\\[|\u009B)[0-?]*[ -/]*[@-~]|(?:\u001B]|\u009D)[^\u0007\u001B\u009C]{0,512}?(?:\u0007|\u001B\\\\|\u009C)");

    private TextCleaner() {
    }

    /**
     * Cleans a string as described in the class documentation.
     *
     * @param text any text, may be {@code null}
     * @return the cleaned text on one line, never {@code null}; empty when nothing visible was left
     */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String mapped = mapCharacters(TERMINAL_ESCAPE.matcher(text).replaceAll(""));
        String composed = Normalizer.normalize(mapped, Normalizer.Form.NFC);
        return collapseSpaces(composed);
    }

    /** Drops debris and maps every kind of space to either a plain space or a kept no-break space. */
    private static String mapCharacters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                // unpaired: drop
            } else if (c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE) {
                out.append(nextToFrenchPunctuation(text, i) ? c : ' ');
            } else if (isWordSeparatingControl(c) || Character.isSpaceChar(c) || Character.isWhitespace(c)) {
                out.append(' ');
            } else if (Character.getType(c) == Character.CONTROL || isInvisibleFormatCharacter(c)
                    || isBidiControl(c) || c == REPLACEMENT_CHARACTER) {
                // drop
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Tab, line feed, vertical tab, form feed, carriage return, next line (U+0085). */
    private static boolean isWordSeparatingControl(char c) {
        return (c >= '\t' && c <= '\r') || c == '\u0085';
    }

    private static boolean isInvisibleFormatCharacter(char c) {
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** Embeddings and overrides LRE, RLE, PDF, LRO, RLO (U+202A-U+202E); isolates LRI, RLI, FSI, PDI (U+2066-U+2069). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean nextToFrenchPunctuation(String text, int index) {
        return (index > 0 && isFrenchPunctuation(text.charAt(index - 1)))
                || (index + 1 < text.length() && isFrenchPunctuation(text.charAt(index + 1)));
    }

    private static boolean isFrenchPunctuation(char c) {
        return c == '«' || c == '»' || c == ':' || c == ';' || c == '!' || c == '?';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE;
    }

    /**
     * Collapses each run of spaces to one character and trims. The input holds no other whitespace by now.
     * A run that contains a kept no-break space becomes that no-break space, so "«\u00A0 texte" keeps its
     * typography.
     */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
                i++;
                continue;
            }
            char replacement = ' ';
            while (i < length && isSpace(text.charAt(i))) {
                if (replacement == ' ' && text.charAt(i) != ' ') {
                    replacement = text.charAt(i);
                }
                i++;
            }
            boolean atEdge = out.length() == 0 || i == length;
            if (!atEdge) {
                out.append(replacement);
            }
        }
        return out.toString();
    }
}
