package news.wiretranslation.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/**
 * Turns a raw article's headline and body into clean paragraphs of plain text, without site chrome.
 *
 * <p>Everything downstream (language detection, translation memory, the translation engine, the output topics)
 * works on paragraphs of clean text, so every delivery format is brought to that one shape here:
 * <ol>
 *   <li>HTML bodies through {@link HtmlParagraphs}, plain-text bodies through {@link PlainTextParagraphs};</li>
 *   <li>each resulting string, and the headline, through {@link TextCleaner}; empty paragraphs are dropped;</li>
 *   <li>the {@link BoilerplateRules} for the article's source cut the chrome ("Skip to content", share prompts,
 *       site names glued to the headline, closing disclaimers), so it is neither translated nor published;</li>
 *   <li>paragraphs left empty are dropped.</li>
 * </ol>
 * {@link NormalizedArticle#rulesApplied()} says what was done: {@code html} when an HTML body was converted, then
 * {@code boilerplate:<name>} for each rule that cut something.
 *
 * <p>Thread-safe: one instance can serve every stream thread.
 */
public final class TextNormalizer {

    /** Reported in {@link NormalizedArticle#rulesApplied()} when an HTML body was converted to paragraphs. */
    public static final String HTML_RULE = "html";

    private final BoilerplateRules rules;

    /** A normalizer with the built-in boilerplate rules, {@link BoilerplateRules#defaults()}. */
    public TextNormalizer() {
        this(BoilerplateRules.defaults());
    }

    /** A normalizer with the given boilerplate rules (e.g. an operator's file, or {@link BoilerplateRules#none()}). */
    public TextNormalizer(BoilerplateRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Normalizes an article's headline and body.
     *
     * @param raw the article as delivered
     * @return the headline on one line, the non-empty body paragraphs in order, and the rules that changed them
     */
    public NormalizedArticle normalize(RawArticle raw) {
        List<String> rulesApplied = new ArrayList<>();
        boolean html = raw.getBodyFormat() == BodyFormat.HTML;
        if (html && raw.getBody() != null && !raw.getBody().isBlank()) {
            rulesApplied.add(HTML_RULE);
        }
        String headline = TextCleaner.clean(raw.getHeadline());
        List<String> paragraphs = nonEmpty((html ? HtmlParagraphs.extract(raw.getBody())
                : PlainTextParagraphs.split(raw.getBody())).stream().map(TextCleaner::clean).toList());
        BoilerplateResult cut = rules.apply(raw.getSource(), headline, paragraphs);
        rulesApplied.addAll(cut.rulesApplied());
        return new NormalizedArticle(TextCleaner.clean(cut.headline()), nonEmpty(cut.paragraphs()), rulesApplied);
    }

    private static List<String> nonEmpty(List<String> paragraphs) {
        return paragraphs.stream().filter(paragraph -> !paragraph.isEmpty()).toList();
    }
}
