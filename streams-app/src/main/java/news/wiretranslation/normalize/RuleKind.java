package news.wiretranslation.normalize;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a boilerplate rule does with the text its pattern matches.
 *
 * <p>Site chrome sits in predictable places (before the headline, glued to the end of the headline, between
 * paragraphs, after the story), and each place needs a different cut, so a rule says which cut it makes. The
 * names are the ones operators write in a rules file.
 */
public enum RuleKind {
    /** Drops every body paragraph that the pattern matches in full ("Advertisement", "Share this article"). */
    DROP_PARAGRAPH("drop-paragraph"),
    /**
     * Drops chrome that comes before the story ("Skip to content"): when the headline matches in full, the first
     * body paragraph becomes the headline; leading body paragraphs that match in full are dropped.
     */
    DROP_LINE("drop-line"),
    /** Removes a suffix the site glued to the headline (" – Site name"); the pattern describes the suffix. */
    STRIP_HEADLINE_SUFFIX("strip-headline-suffix"),
    /**
     * Drops the first body paragraph that the pattern matches in full and everything after it: the trailing
     * disclaimers and share blocks that some sites put after every story.
     */
    DROP_FROM("drop-from");

    private final String fileName;

    RuleKind(String fileName) {
        this.fileName = fileName;
    }

    /** The kind's name in a rules file, e.g. {@code drop-paragraph}. */
    public String fileName() {
        return fileName;
    }

    /** The kind written as {@code name} in a rules file, if there is one (exact, lower case). */
    public static Optional<RuleKind> fromFileName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.fileName.equals(name)).findFirst();
    }

    /** The names a rules file may use, for error messages. */
    static String fileNames() {
        return Arrays.stream(values()).map(RuleKind::fileName).collect(Collectors.joining(", "));
    }
}
