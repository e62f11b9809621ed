package news.wiretranslation.normalize;

import java.util.regex.Matcher;

/**
 * What {@link TextCleaner} is about to remove from a text that an operator or editor should hear about, counted
 * before cleaning (the cleaner itself only returns the clean text): replacement characters (bytes that were not valid
 * UTF-8), bidirectional controls (a possible spoof) and terminal escape sequences, and how many visible characters
 * the text has, to judge what share of it the replacement characters are.
 *
 * @param replacementCharacters U+FFFD characters
 * @param bidiControls          bidi embeddings, overrides and isolates
 * @param terminalEscapes       CSI and OSC escape sequences
 * @param visibleCharacters     code points that are not spaces, the replacement characters included
 */
record TextDebris(int replacementCharacters, int bidiControls, int terminalEscapes, int visibleCharacters) {

    static final TextDebris NONE = new TextDebris(0, 0, 0, 0);

    static TextDebris in(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        int escapes = 0;
        Matcher escape = TextCleaner.TERMINAL_ESCAPE.matcher(text);
        while (escape.find()) {
            escapes++;
        }
        int replacements = 0;
        int bidi = 0;
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == TextCleaner.REPLACEMENT_CHARACTER) {
                replacements++;
            } else if (TextCleaner.isBidiControl(c)) {
                bidi++;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isLowSurrogate(c)) {
                visible++;
            }
        }
        return new TextDebris(replacements, bidi, escapes, visible);
    }

    TextDebris plus(TextDebris other) {
        return new TextDebris(replacementCharacters + other.replacementCharacters, bidiControls + other.bidiControls,
                terminalEscapes + other.terminalEscapes, visibleCharacters + other.visibleCharacters);
    }

    /** The replacement characters' share of the visible characters, 0 to 1. */
    double replacementShare() {
        return visibleCharacters == 0 ? 0 : (double) replacementCharacters / visibleCharacters;
    }
}
