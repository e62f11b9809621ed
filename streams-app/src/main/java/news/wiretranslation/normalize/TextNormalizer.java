package news.wiretranslation.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.DeclaredLanguage;
import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.article.Stage;
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
 *   <li>paragraphs left empty are dropped, and a leading h1/h2 that only repeats the headline.</li>
 * </ol>
 * {@link NormalizedArticle#rulesApplied()} says what was done: {@code html} when an HTML body was converted; the
 * input-hygiene notes {@code invalid-characters} (replacement characters U+FFFD removed), {@code bidi-controls}
 * (bidi embeddings, overrides or isolates removed), {@code terminal-escapes} (terminal escape sequences removed);
 * {@code boilerplate:<name>} for each rule that cut something; {@code duplicate-heading} when the body's first h1/h2
 * repeated the headline and was dropped; {@code declared-language-ignored} when the declared language is not a valid
 * BCP 47 tag (it is then neither used nor copied, see {@link DeclaredLanguage}).
 *
 * <p>A text more than {@link #MAX_REPLACEMENT_SHARE} of whose visible characters are replacement characters is
 * refused ({@link DeadLetterReason#UNREADABLE_TEXT}): it was decoded with the wrong character set or is binary, and
 * what is left after removing them would be fragments no engine should be paid to translate.
 *
 * <p>Thread-safe: one instance can serve every stream thread.
 */
public final class TextNormalizer {

    /** Reported in {@link NormalizedArticle#rulesApplied()} when an HTML body was converted to paragraphs. */
    public static final String HTML_RULE = "html";
    /** Replacement characters U+FFFD (bytes that were not valid UTF-8) were removed; the output carries a quality flag. */
    public static final String INVALID_CHARACTERS_RULE = "invalid-characters";
    /** Bidi embeddings, overrides or isolates were removed. */
    public static final String BIDI_CONTROLS_RULE = "bidi-controls";
    /** Terminal escape sequences (CSI, OSC) were removed. */
    public static final String TERMINAL_ESCAPES_RULE = "terminal-escapes";
    /** The body's leading h1/h2 repeated the headline and was dropped. */
    public static final String DUPLICATE_HEADING_RULE = "duplicate-heading";
    /** The declared language is not a valid BCP 47 tag and was ignored. */
    public static final String DECLARED_LANGUAGE_IGNORED_RULE = "declared-language-ignored";

    /**
     * Above this share of replacement characters among the visible characters a text is unreadable. A few invalid
     * bytes in an otherwise good text (a mis-encoded name, a cut emoji) stay far below it; a text decoded with the
     * wrong character set, or binary data, is mostly replacement characters. 30% leaves room for short headlines
     * with one bad word.
     */
    public static final double MAX_REPLACEMENT_SHARE = 0.30;

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
        HtmlParagraphs.Extracted body = html ? HtmlParagraphs.read(raw.getBody())
                : new HtmlParagraphs.Extracted(PlainTextParagraphs.split(raw.getBody()), null);
        TextDebris debris = debris(raw.getHeadline(), body.paragraphs());
        refuseUnreadable(raw, debris);
        rulesApplied.addAll(hygieneNotes(debris));
        String headline = TextCleaner.clean(raw.getHeadline());
        List<String> paragraphs = nonEmpty(body.paragraphs().stream().map(TextCleaner::clean).toList());
        BoilerplateResult cut = rules.apply(raw.getSource(), headline, paragraphs);
        rulesApplied.addAll(cut.rulesApplied());
        String finalHeadline = TextCleaner.clean(cut.headline());
        List<String> finalParagraphs = nonEmpty(cut.paragraphs());
        if (leadingHeadingRepeats(body.firstHeading(), finalParagraphs, headline, finalHeadline)) {
            finalParagraphs = finalParagraphs.subList(1, finalParagraphs.size());
            rulesApplied.add(DUPLICATE_HEADING_RULE);
        }
        if (DeclaredLanguage.isIgnored(raw.getDeclaredLanguage())) {
            rulesApplied.add(DECLARED_LANGUAGE_IGNORED_RULE);
        }
        return new NormalizedArticle(finalHeadline, finalParagraphs, rulesApplied);
    }

    private static TextDebris debris(String headline, List<String> paragraphs) {
        TextDebris debris = TextDebris.in(headline);
        for (String paragraph : paragraphs) {
            debris = debris.plus(TextDebris.in(paragraph));
        }
        return debris;
    }

    private static void refuseUnreadable(RawArticle raw, TextDebris debris) {
        if (debris.replacementShare() > MAX_REPLACEMENT_SHARE) {
            throw new DeadLetterException(DeadLetterReason.UNREADABLE_TEXT, Stage.NORMALIZE, raw.getId(), String.format(
                    Locale.ROOT, "%d of the text's %d visible characters (%.0f%%) are replacement characters U+FFFD, "
                            + "bytes that were not valid UTF-8 (limit %.0f%%): was the text encoded in another character set?",
                    debris.replacementCharacters(), debris.visibleCharacters(), 100 * debris.replacementShare(),
                    100 * MAX_REPLACEMENT_SHARE));
        }
    }

    private static List<String> hygieneNotes(TextDebris debris) {
        List<String> notes = new ArrayList<>();
        if (debris.replacementCharacters() > 0) {
            notes.add(INVALID_CHARACTERS_RULE);
        }
        if (debris.bidiControls() > 0) {
            notes.add(BIDI_CONTROLS_RULE);
        }
        if (debris.terminalEscapes() > 0) {
            notes.add(TERMINAL_ESCAPES_RULE);
        }
        return notes;
    }

    /**
     * True when the body still starts with its first h1/h2 and that heading says what the headline says (compared
     * cleaned and case-folded, against the headline as delivered and as the boilerplate rules left it).
     */
    private static boolean leadingHeadingRepeats(String firstHeading, List<String> paragraphs, String headline,
                                                 String finalHeadline) {
        if (firstHeading == null || paragraphs.isEmpty()) {
            return false;
        }
        String heading = TextCleaner.clean(firstHeading);
        return paragraphs.get(0).equals(heading)
                && (sameText(heading, headline) || sameText(heading, finalHeadline));
    }

    private static boolean sameText(String a, String b) {
        return !a.isEmpty() && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static List<String> nonEmpty(List<String> paragraphs) {
        return paragraphs.stream().filter(paragraph -> !paragraph.isEmpty()).toList();
    }
}
