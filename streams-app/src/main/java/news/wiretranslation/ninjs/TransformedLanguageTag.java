package news.wiretranslation.ninjs;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.Translation;

/**
 * The language of a machine translation as a BCP 47 tag with the transform extension (RFC 6497, extension
 * {@code t}): the item's language, then {@code -t-} and the language it was translated from, then the field
 * {@code t0} (CLDR's {@code transform_mt}: "machine translated") with the value {@code und}, "the choice of machine
 * translation is not specified". {@code en-US-t-fr-t0-und} reads: English (United States), machine-translated from
 * French.
 *
 * <p>{@code und} rather than the engine: CLDR registers no other value for {@code t0}, so a vendor subtag would make
 * the tag invalid for strict parsers; the engine is named in the item's information sources. The tag is built and
 * checked by {@link Locale.Builder}, so a language the Article carries that is not a well-formed tag gives no tag
 * rather than a malformed one.
 */
final class TransformedLanguageTag {
    /** {@code t0-und}: machine-translated, mechanism not specified. */
    static final String MACHINE_TRANSLATED = "t0-und";

    private TransformedLanguageTag() {
    }

    /** {@code en-US-t-fr-t0-und} for a translation from French into en-US; empty for an article not translated. */
    static Optional<String> of(Article article) {
        Translation translation = article.getTranslation();
        if (translation == null) {
            return Optional.empty();
        }
        try {
            Locale target = new Locale.Builder().setLanguageTag(article.getLanguage()).build();
            String source = new Locale.Builder().setLanguageTag(translation.getSourceLanguage()).build()
                    .toLanguageTag().toLowerCase(Locale.ROOT);
            return Optional.of(new Locale.Builder().setLocale(target)
                    .setExtension('t', source + "-" + MACHINE_TRANSLATED).build().toLanguageTag());
        } catch (IllformedLocaleException notATag) {
            return Optional.empty();
        }
    }
}
