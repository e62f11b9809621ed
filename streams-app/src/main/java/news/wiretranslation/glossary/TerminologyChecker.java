package news.wiretranslation.glossary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import news.wiretranslation.avro.QualityFlag;

/**
 * Checks a translation against the terminology after the engine answered: every glossary term of the source should
 * come out as the glossary's target term, and every protected term should come back unchanged. Each miss is a
 * {@link QualityFlag} on the article (and so counted in {@code wire_translation_quality_flags{code}}).
 *
 * <p>Glossary terms are matched case-insensitively and as whole words ("Kiev" in "Kiev," but not in "Kievan");
 * the engine may capitalise a term at the start of a sentence. Protected terms must come back exactly.
 */
public final class TerminologyChecker {
    public static final String GLOSSARY_TERM_MISSING = "GLOSSARY_TERM_MISSING";
    public static final String PROTECTED_TERM_CHANGED = "PROTECTED_TERM_CHANGED";

    private final Supplier<Terminology> terminology;

    /** @param terminology the terminology in use (read at each check: it may be reloaded) */
    public TerminologyChecker(Supplier<Terminology> terminology) {
        this.terminology = terminology;
    }

    /**
     * @param sources        the texts sent, headline first (index 0 is reported as paragraph -1)
     * @param translations   the engine's texts, same order
     * @param sourceLanguage ISO 639-1 of the original
     * @param targetCode     DeepL target code, e.g. EN-US
     */
    public List<QualityFlag> check(List<String> sources, List<String> translations, String sourceLanguage, String targetCode) {
        Terminology current = terminology.get();
        if (current.isEmpty()) {
            return List.of();
        }
        List<GlossaryEntry> entries = current.glossary(sourceLanguage, targetCode).map(Glossary::entries).orElse(List.of());
        List<QualityFlag> flags = new ArrayList<>();
        for (int i = 0; i < sources.size() && i < translations.size(); i++) {
            String source = sources.get(i);
            String translation = translations.get(i);
            if (source.isEmpty()) {
                continue;
            }
            int paragraph = i - 1;
            for (GlossaryEntry entry : entries) {
                int at = find(source, entry.source());
                if (at >= 0 && find(translation, entry.target()) < 0) {
                    flags.add(flag(GLOSSARY_TERM_MISSING, "the glossary " + LanguagePair.of(sourceLanguage, targetCode)
                            + " translates '" + entry.source() + "' as '" + entry.target()
                            + "', which the translation does not contain", entry.target(), paragraph, at));
                }
            }
            for (ProtectedTerms.Span span : current.protectedTerms().find(source)) {
                if (count(translation, span.term()) < count(source, span.term())) {
                    flags.add(flag(PROTECTED_TERM_CHANGED, "the protected term '" + span.term()
                            + "' did not come back unchanged", span.term(), paragraph, span.start()));
                }
            }
        }
        return flags;
    }

    /** Where {@code term} occurs in {@code text} as a whole word, ignoring case; -1 if it does not. */
    static int find(String text, String term) {
        var m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        return m.find() ? m.start() : -1;
    }

    private static int count(String text, String term) {
        int n = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            n++;
        }
        return n;
    }

    private static QualityFlag flag(String code, String message, String text, int paragraph, int offset) {
        return QualityFlag.newBuilder().setCode(code).setMessage(message).setText(text).setParagraph(paragraph)
                .setOffset(offset).build();
    }
}
