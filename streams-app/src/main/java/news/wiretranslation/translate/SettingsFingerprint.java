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

    public static String of(Translator translator, String sourceLanguage, String targetLanguage) {
        String material = String.join("\u0000", translator.engine(), translator.settings(), sourceLanguage, targetLanguage);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
