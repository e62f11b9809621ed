package news.wiretranslation.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site-chrome cuts an operator configured, per article source.
 *
 * <p>Wire and web feeds deliver, around the story, text that is not news: "Skip to content", the site name glued
 * to the headline, share prompts, advertisement markers, "Read more" links, a closing disclaimer. Translating it
 * costs money and publishing it embarrasses a newsroom, and what it looks like differs from site to site, so the
 * cuts are data, a rules file operators edit, not code. One rule per line, fields separated by tabs:
 * <pre>
 * # name              sources  kind                   pattern (Java regex, case-insensitive)
 * skip-to-content     *        drop-line              skip to (?:main )?content
 * rt-headline-suffix  rt-*     strip-headline-suffix  \s+[\p{Pd}|]\s+RT(?:\s+[\p{L}' -]{1,80})?
 * rt-disclaimer       rt-*     drop-from              toutes les actualités du site n['’]expriment pas.*
 * </pre>
 * {@link RuleKind} says what each kind cuts; the built-in file {@code normalize/boilerplate.rules} documents the
 * format in its header. Every line is checked at load, and the first bad one stops loading with an
 * {@link InvalidRulesException} naming the file and the line.
 *
 * <p>The rules that apply to a source are resolved once per source and cached, and every pattern is compiled at
 * load, so applying the rules to an article costs only the regex matches. Immutable apart from that cache, and
 * thread-safe: one instance serves every stream thread.
 */
public final class BoilerplateRules {

    /** Classpath location of the built-in rules. */
    static final String DEFAULTS_RESOURCE = "/normalize/boilerplate.rules";

    /** Bounds the per-source cache should an unbounded set of source names ever show up; sources past it still work. */
    private static final int MAX_CACHED_SOURCES = 10_000;

    private final String origin;
    private final List<BoilerplateRule> rules;
    private final Map<String, SourceRules> bySource = new ConcurrentHashMap<>();

    private BoilerplateRules(String origin, List<BoilerplateRule> rules) {
        this.origin = origin;
        this.rules = List.copyOf(rules);
    }

    /**
     * The built-in rules ({@code normalize/boilerplate.rules} on the classpath): generic multilingual chrome for
     * every source, and an example for the {@code rt-*} sources.
     */
    public static BoilerplateRules defaults() {
        return Defaults.INSTANCE;
    }

    /** No rules at all: the text is left as the cleaner made it. */
    public static BoilerplateRules none() {
        return new BoilerplateRules("none", List.of());
    }

    /**
     * Loads a rules file (UTF-8).
     *
     * @throws InvalidRulesException when a line is invalid; the message names the file and the line
     * @throws UncheckedIOException  when the file cannot be read
     */
    public static BoilerplateRules load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read boilerplate rules file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses the text of a rules file.
     *
     * @param text   the rules, one a line
     * @param origin where the text came from, used in error messages (a file name, "classpath:...", ...)
     * @throws InvalidRulesException when a line is invalid; the message names the origin and the line
     */
    public static BoilerplateRules parse(String text, String origin) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        return new BoilerplateRules(origin, BoilerplateRulesParser.parse(text, origin));
    }

    /** Where the rules came from. */
    public String origin() {
        return origin;
    }

    /** Every rule, in file order. */
    public List<BoilerplateRule> rules() {
        return rules;
    }

    /**
     * Cuts the boilerplate of an article from {@code source} out of its cleaned headline and paragraphs.
     *
     * @param source     the article's source, which selects the rules ({@code null} is treated as "")
     * @param headline   the cleaned headline
     * @param paragraphs the cleaned, non-empty body paragraphs
     * @return what is left, and the rules that removed something
     */
    public BoilerplateResult apply(String source, String headline, List<String> paragraphs) {
        return forSource(source == null ? "" : source).apply(headline, paragraphs);
    }

    SourceRules forSource(String source) {
        SourceRules cached = bySource.get(source);
        if (cached != null) {
            return cached;
        }
        SourceRules resolved = new SourceRules(rules.stream().filter(rule -> rule.appliesTo(source)).toList());
        if (bySource.size() < MAX_CACHED_SOURCES) {
            bySource.putIfAbsent(source, resolved);
        }
        return resolved;
    }

    @Override
    public String toString() {
        return "BoilerplateRules[" + origin + ", " + rules.size() + " rules]";
    }

    /** Loads the built-in rules once, on first use. */
    private static final class Defaults {
        static final BoilerplateRules INSTANCE = loadDefaults();

        private static BoilerplateRules loadDefaults() {
            try (InputStream in = BoilerplateRules.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("built-in boilerplate rules missing: classpath:" + DEFAULTS_RESOURCE);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULTS_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath:" + DEFAULTS_RESOURCE, e);
            }
        }
    }
}
