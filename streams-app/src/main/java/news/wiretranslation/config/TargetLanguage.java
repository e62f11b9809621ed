package news.wiretranslation.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A language the service publishes in.
 *
 * @param code DeepL's target code, upper case: {@code EN-US}, {@code DE}, {@code PT-BR}
 */
public record TargetLanguage(String code) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2,3}(-[A-Z0-9]{2,4})?");

    public TargetLanguage {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a language code like EN-US, DE or PT-BR");
        }
    }

    public static TargetLanguage parse(String text) {
        return new TargetLanguage(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The bare language, ISO 639-1 lower case: {@code en} for EN-US. Compared with the detected source language. */
    public String language() {
        int dash = code.indexOf('-');
        return (dash < 0 ? code : code.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** BCP 47 tag written into the output's language field: {@code en-US}, {@code de}, {@code zh-Hans}. */
    public String bcp47() {
        int dash = code.indexOf('-');
        if (dash < 0) {
            return language();
        }
        String region = code.substring(dash + 1);
        String subtag = region.length() == 4 ? region.charAt(0) + region.substring(1).toLowerCase(Locale.ROOT) : region;
        return language() + "-" + subtag;
    }

    /** Suffix of the output topic: the code in lower case, {@code en-us}. */
    public String topicSuffix() {
        return code.toLowerCase(Locale.ROOT);
    }

    /** True when an article in {@code sourceLanguage} needs no translation to reach this target. */
    public boolean isSameLanguageAs(String sourceLanguage) {
        return language().equalsIgnoreCase(sourceLanguage);
    }

    @Override
    public String toString() {
        return code;
    }
}
