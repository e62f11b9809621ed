package news.wiretranslation.translate.async;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text too large for one engine request (a 200 KB paragraph: DeepL takes 128 KiB a request) into pieces
 * that fit, at sentence ends where it can, else between words, else between characters; and puts the pieces'
 * translations back together in order. The pieces are consecutive parts of the text, stripped of the spaces between
 * them; {@link #join} puts one space back where there was whitespace.
 */
final class OversizedText {
    private final List<String> pieces;
    private final List<Boolean> spaceBefore;

    private OversizedText(List<String> pieces, List<Boolean> spaceBefore) {
        this.pieces = pieces;
        this.spaceBefore = spaceBefore;
    }

    /** The text in pieces of at most {@code maxBytes} form-encoded (as {@link BatchLimits#encodedSize} counts). */
    static OversizedText split(String text, long maxBytes) {
        long budget = maxBytes - BatchLimits.encodedSize("");
        List<String> segments = new ArrayList<>();
        for (String sentence : sentences(text)) {
            if (cost(sentence) <= budget) {
                segments.add(sentence);
            } else {
                for (String word : words(sentence)) {
                    if (cost(word) <= budget) {
                        segments.add(word);
                    } else {
                        segments.addAll(characters(word, budget));
                    }
                }
            }
        }
        List<String> raw = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        long currentCost = 0;
        for (String segment : segments) {
            long c = cost(segment);
            if (current.length() > 0 && currentCost + c > budget) {
                raw.add(current.toString());
                current.setLength(0);
                currentCost = 0;
            }
            current.append(segment);
            currentCost += c;
        }
        raw.add(current.toString());
        List<String> pieces = new ArrayList<>();
        List<Boolean> spaceBefore = new ArrayList<>();
        boolean whitespacePending = false;
        for (String part : raw) {
            String piece = part.strip();
            if (piece.isEmpty()) {
                whitespacePending |= !part.isEmpty();
                continue;
            }
            spaceBefore.add(!pieces.isEmpty() && (whitespacePending || !part.equals(part.stripLeading())));
            pieces.add(piece);
            whitespacePending = !part.equals(part.stripTrailing());
        }
        return new OversizedText(List.copyOf(pieces), List.copyOf(spaceBefore));
    }

    List<String> pieces() {
        return pieces;
    }

    /** The translations of the pieces, in order, as one text. */
    String join(List<String> translations) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < translations.size(); i++) {
            if (i > 0 && spaceBefore.get(i)) {
                joined.append(' ');
            }
            joined.append(translations.get(i));
        }
        return joined.toString();
    }

    /** Where piece {@code i}'s translation starts in {@link #join}'s result. */
    int offsetOf(List<String> translations, int i) {
        int offset = 0;
        for (int j = 0; j < i; j++) {
            offset += translations.get(j).length();
            if (spaceBefore.get(j + 1)) {
                offset++;
            }
        }
        return offset;
    }

    private static long cost(String segment) {
        return BatchLimits.encodedSize(segment) - BatchLimits.encodedSize("");
    }

    private static List<String> sentences(String text) {
        return boundaries(text, BreakIterator.getSentenceInstance(Locale.ROOT));
    }

    /** Words with the whitespace that follows each. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && (i + 1 == text.length() || !Character.isWhitespace(text.charAt(i + 1)))) {
                words.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            words.add(text.substring(start));
        }
        return words;
    }

    /** Cuts between code points (never inside a surrogate pair). */
    private static List<String> characters(String word, long budget) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        long used = 0;
        for (int i = 0; i < word.length(); ) {
            int next = word.offsetByCodePoints(i, 1);
            long c = cost(word.substring(i, next));
            if (used + c > budget && i > start) {
                parts.add(word.substring(start, i));
                start = i;
                used = 0;
            }
            used += c;
            i = next;
        }
        parts.add(word.substring(start));
        return parts;
    }

    private static List<String> boundaries(String text, BreakIterator iterator) {
        iterator.setText(text);
        List<String> parts = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            parts.add(text.substring(start, end));
        }
        return parts;
    }
}
