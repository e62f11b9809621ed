package news.wiretranslation.glossary;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.config.TargetLanguage;

/**
 * The language pair a glossary applies to, as DeepL keys glossaries: bare ISO 639-1 codes, lower case. A glossary
 * for {@code fr-en} serves the targets {@code EN-US} and {@code EN-GB} alike (DeepL glossaries know no variants).
 */
public record LanguagePair(String source, String target) {
    private static final Pattern FILE_NAME = Pattern.compile("([a-z]{2,3})-([a-z]{2,3})\\.(tsv|csv)");

    public LanguagePair {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        source = source.toLowerCase(Locale.ROOT);
        target = target.toLowerCase(Locale.ROOT);
    }

    /** The pair of a translation from {@code sourceLanguage} (ISO 639-1) into a DeepL target code such as EN-US. */
    public static LanguagePair of(String sourceLanguage, String targetCode) {
        return new LanguagePair(sourceLanguage, TargetLanguage.parse(targetCode).language());
    }

    /** The pair a glossary file's name declares ({@code fr-en.tsv}), or null when the name is not of that form. */
    static LanguagePair fromFileName(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName.toLowerCase(Locale.ROOT));
        return m.matches() ? new LanguagePair(m.group(1), m.group(2)) : null;
    }

    @Override
    public String toString() {
        return source + "-" + target;
    }
}
