package news.wiretranslation.translate.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;

import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.Translator;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the translation memory for one engine, engine settings and language pair: a hash of all four and the
 * normalized text. Two paragraphs that normalize to the same text share a key; a change of engine, of its settings
 * ({@link Translator#settings()}) or of the language pair gives a different key, so an old translation is never
 * served for new settings.
 *
 * <p>The key is the first {@value #KEY_BYTES} bytes of a SHA-256 digest: a collision between two different
 * paragraphs is as likely as guessing a 160-bit number.
 */
public final class MemoryKeys {
    /** Bytes of the digest kept in a key. */
    public static final int KEY_BYTES = 20;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final byte[] prefix;

    private MemoryKeys(byte[] prefix) {
        this.prefix = prefix;
    }

    /**
     * @param engine         engine name, e.g. {@code deepl}
     * @param settings       the engine's settings string ({@link Translator#settings()})
     * @param sourceLanguage ISO 639-1 source
     * @param targetLanguage the engine's target code, e.g. {@code EN-US}
     */
    public static MemoryKeys of(String engine, String settings, String sourceLanguage, String targetLanguage) {
        String material = String.join("\u0000", "v1", engine, settings, sourceLanguage, targetLanguage) + "\u0000";
        return new MemoryKeys(material.getBytes(StandardCharsets.UTF_8));
    }

    public static MemoryKeys of(Translator translator, String sourceLanguage, String targetLanguage) {
        return of(translator, translator.options(sourceLanguage, targetLanguage), sourceLanguage, targetLanguage);
    }

    /**
     * Keys for translations made with {@code options}: the pair's settings ({@link Translator#settings(String, String)})
     * and glossary count, the per-article context does not (a paragraph is remembered across headlines).
     */
    public static MemoryKeys of(Translator translator, TranslationOptions options, String sourceLanguage,
                                String targetLanguage) {
        String settings = translator.settings(sourceLanguage, targetLanguage);
        if (!options.fingerprint().isEmpty()) {
            settings += "\u0000" + options.fingerprint();
        }
        return of(translator.engine(), settings, sourceLanguage, targetLanguage);
    }

    /** The memory key of {@code text} (normalized first, see {@link #normalize}). */
    public Bytes key(String text) {
        MessageDigest digest = sha256();
        digest.update(prefix);
        digest.update(normalize(text).getBytes(StandardCharsets.UTF_8));
        return Bytes.wrap(Arrays.copyOf(digest.digest(), KEY_BYTES));
    }

    /**
     * The form of a text that the key is computed from: Unicode NFC, runs of whitespace (Unicode's, no-break spaces included) as one space, no leading or
     * trailing whitespace. The pipeline's texts are already normalized so; this makes the key independent of it.
     */
    public static String normalize(String text) {
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc).replaceAll(" ").strip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
