package news.wiretranslation.translate.apertium;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins several texts into one Apertium input and splits the translation back, so that a whole article costs one
 * process per hop instead of one per paragraph (starting an Apertium pipeline takes about half a second; translating
 * a paragraph, milliseconds).
 *
 * <p>The texts are separated by numbered marker lines, each between blank lines:
 * <pre>
 * first text
 *
 * .||1||.
 *
 * second text
 * </pre>
 * Why this form: in {@code -f txt} mode a blank line is a paragraph break, so no sentence runs across a marker and
 * the texts are translated as they would be alone; the marker is punctuation only, so no language pair translates,
 * moves or drops it (checked against every installed pair, with accents, quotes, apostrophes and Apertium's own
 * special characters around it). The numbers let {@link #split} prove that every marker came back once, in order:
 * a text that happens to contain a marker line, or a pair that mangled one, gives a wrong sequence and
 * {@link #split} says so instead of shifting texts by one. The alternative, {@code -f html} with one {@code <p>}
 * per text, works too but needs an HTML escaping and unescaping layer around every text for no gain.
 */
final class ParagraphBatch {

    private static final Pattern MARKER_LINE = Pattern.compile("(?m)^[ \\t]*\\.\\|\\|(\\d+)\\|\\|\\.[ \\t]*$");

    private ParagraphBatch() {
    }

    /** One Apertium input holding all {@code texts}, which should not be blank and carry no outer whitespace. */
    static String join(List<String> texts) {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                input.append("\n\n").append(marker(i)).append("\n\n");
            }
            input.append(texts.get(i));
        }
        return input.append('\n').toString();
    }

    /**
     * The translated texts of {@code output}, stripped of outer whitespace, if it holds exactly the markers
     * {@link #join} wrote for {@code expected} texts, in order; empty otherwise.
     */
    static Optional<List<String>> split(String output, int expected) {
        List<String> texts = new ArrayList<>(expected);
        Matcher marker = MARKER_LINE.matcher(output);
        int start = 0;
        int next = 1;
        while (marker.find()) {
            if (next >= expected || !marker.group(1).equals(Integer.toString(next))) {
                return Optional.empty();
            }
            texts.add(output.substring(start, marker.start()).strip());
            start = marker.end();
            next++;
        }
        if (next != expected) {
            return Optional.empty();
        }
        texts.add(output.substring(start).strip());
        return Optional.of(List.copyOf(texts));
    }

    static String marker(int number) {
        return ".||" + number + "||.";
    }
}
