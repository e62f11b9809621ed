package news.wiretranslation.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a plain-text body into paragraphs.
 *
 * <p>Wire services separate paragraphs with one or more blank lines and wrap long paragraphs with single newlines
 * (some at a fixed width), so a blank line ends a paragraph and a single newline is only a space. A line that holds
 * nothing visible (spaces, tabs, no-break spaces, a stray BOM) counts as blank: such lines are common in feeds
 * converted from HTML and would otherwise glue two paragraphs together.
 *
 * <p>The paragraphs returned are raw: {@link TextCleaner} is applied by the caller.
 */
final class PlainTextParagraphs {

    /** CRLF, CR, NEL and LINE SEPARATOR end a line; PARAGRAPH SEPARATOR ends a paragraph. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u0085\u2028]");

    private PlainTextParagraphs() {
    }

    static List<String> split(String body) {
        List<String> paragraphs = new ArrayList<>();
        if (body == null || body.isEmpty()) {
            return paragraphs;
        }
        String text = body.replace("\u2029", "\n\n");
        StringBuilder current = new StringBuilder();
        for (String line : LINE_BREAK.split(text, -1)) {
            if (isBlank(line)) {
                flush(current, paragraphs);
            } else {
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(line);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static boolean isBlank(String line) {
        return TextCleaner.clean(line).isEmpty();
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }
}
