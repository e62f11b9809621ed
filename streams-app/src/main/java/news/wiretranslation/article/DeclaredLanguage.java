package news.wiretranslation.article;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a producer declared for an article ({@code RawArticle.declaredLanguage}), read strictly: only a
 * well-formed BCP 47 tag with a language subtag counts, and only its primary language (ISO 639, lower case) is used
 * or copied anywhere. The field is free text on the wire, so a value such as {@code ../../etc/passwd\n<script>}
 * must never reach a label, a log line or a consumer's file path; such a value is ignored (as if none had been
 * declared), and normalization notes it ({@code declared-language-ignored}) so the producer can be told.
 *
 * <p>One lenience: {@code fr_CA}, the POSIX and {@code java.util.Locale#toString} form that many producers send,
 * reads as {@code fr-CA}; the result is still validated strictly.
 */
public final class DeclaredLanguage {

    private DeclaredLanguage() {
    }

    /**
     * @param declared the declared value as delivered, may be null
     * @return its primary language ({@code fr-FR} → {@code fr}); empty when none was declared or the value is not a
     *         valid BCP 47 tag with a language ({@code und} and private-use-only tags name none)
     */
    public static Optional<String> primaryLanguage(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(declared.trim().replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.getLanguage());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** True when something was declared but it is not a language: the value is ignored and noted. */
    public static boolean isIgnored(String declared) {
        return declared != null && !declared.isBlank() && primaryLanguage(declared).isEmpty();
    }
}
