package news.wiretranslation.normalize;

import java.util.regex.Pattern;

/**
 * One entry of a rule's source list: an article source name, or a glob over source names ({@code rt-*},
 * {@code *}). {@code *} matches any run of characters and {@code ?} any one character; everything else is
 * literal and compared ignoring case, because feeds are not consistent about the case of their names.
 */
final class SourceGlob {

    private final String glob;
    private final Pattern pattern;

    private SourceGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /**
     * @throws IllegalArgumentException when the glob is empty or contains whitespace
     */
    static SourceGlob of(String glob) {
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("empty source name in the source list");
        }
        if (glob.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("source name '" + glob + "' contains whitespace");
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                appendLiteral(regex, literal);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        appendLiteral(regex, literal);
        return new SourceGlob(glob, Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    private static void appendLiteral(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    boolean matches(String source) {
        return pattern.matcher(source).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
