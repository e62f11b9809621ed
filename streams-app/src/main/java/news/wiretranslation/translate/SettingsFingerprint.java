package news.wiretranslation.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable hash of everything that shapes a translation besides the text: engine, its settings, and the
 * language pair. Stamped on every translation so that a change of settings is visible downstream.
 */
public final class SettingsFingerprint {
    private SettingsFingerprint() {
    }

    /** The fingerprint with the options the translator gives the pair now. */
    public static String of(Translator translator, String sourceLanguage, String targetLanguage) {
        return of(translator, translator.options(sourceLanguage, targetLanguage), sourceLanguage, targetLanguage);
    }

    /** The fingerprint of a translation made with {@code options} (its glossary counts; its context does not). */
    public static String of(Translator translator, TranslationOptions options, String sourceLanguage, String targetLanguage) {
        String material = String.join("\u0000", translator.engine(), translator.settings(sourceLanguage, targetLanguage),
                sourceLanguage, targetLanguage);
        if (!options.fingerprint().isEmpty()) {
            // Appended only when present, so that fingerprints without a glossary stay what they were.
            material += "\u0000" + options.fingerprint();
        }
        return shortHash(material);
    }

    /** The first 8 bytes of the SHA-256 of {@code material}, in hex: the form of a fingerprint. */
    public static String shortHash(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
