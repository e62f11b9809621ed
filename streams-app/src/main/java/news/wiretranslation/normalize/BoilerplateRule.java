package news.wiretranslation.normalize;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import news.wiretranslation.article.NormalizedArticle;

/**
 * One line of a rules file: a named cut of site chrome, for the sources it names.
 *
 * <p>The pattern and the source globs are compiled once, when the rules are loaded, so that applying a rule
 * costs only the match. Patterns are case-insensitive and use Unicode character classes, so {@code \s} also
 * matches the no-break spaces kept before French punctuation and {@code \w} matches accented letters.
 *
 * <p>Immutable and thread-safe.
 */
public final class BoilerplateRule {

    /** Flags every rule pattern is compiled with. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private final String name;
    private final List<SourceGlob> sources;
    private final RuleKind kind;
    private final Pattern pattern;

    BoilerplateRule(String name, List<SourceGlob> sources, RuleKind kind, Pattern pattern) {
        this.name = Objects.requireNonNull(name, "name");
        this.sources = List.copyOf(sources);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    /** The rule's name as written in the rules file. */
    public String name() {
        return name;
    }

    /** The name as it appears in {@link NormalizedArticle#rulesApplied()}: {@code boilerplate:<name>}. */
    public String reportedName() {
        return "boilerplate:" + name;
    }

    /** The source names or globs the rule applies to, as written ({@code *}, {@code rt-*}, {@code afp}). */
    public List<String> sources() {
        return sources.stream().map(SourceGlob::toString).toList();
    }

    public RuleKind kind() {
        return kind;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** Whether the rule applies to articles from {@code source}. */
    public boolean appliesTo(String source) {
        return sources.stream().anyMatch(glob -> glob.matches(source));
    }

    /** Whether the pattern matches all of {@code text}. */
    boolean matchesFully(String text) {
        return pattern.matcher(text).matches();
    }

    @Override
    public String toString() {
        return name + "\t" + String.join(",", sources()) + "\t" + kind.fileName() + "\t" + pattern.pattern();
    }
}
