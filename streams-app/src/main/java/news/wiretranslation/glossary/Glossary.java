package news.wiretranslation.glossary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A newsroom glossary for one language pair, as loaded from its file.
 *
 * <p>Its {@link #contentHash()} depends only on the entries (sorted: reordering the file changes nothing), so that
 * the same content finds the same DeepL glossary after a restart, and a changed entry gives a new one. The hash is
 * part of the translation settings fingerprint.
 *
 * @param source where it was read from (a file name), for messages
 */
public record Glossary(LanguagePair pair, List<GlossaryEntry> entries, String source) {
    public Glossary {
        entries = List.copyOf(entries);
    }

    /** Source term to target term, in file order. */
    public Map<String, String> terms() {
        Map<String, String> terms = new LinkedHashMap<>();
        entries.forEach(e -> terms.put(e.source(), e.target()));
        return terms;
    }

    /** 16 hex digits of a SHA-256 over the sorted entries. */
    public String contentHash() {
        StringBuilder material = new StringBuilder(pair.toString()).append('\n');
        entries.stream().sorted(Comparator.comparing(GlossaryEntry::source).thenComparing(GlossaryEntry::target))
                .forEach(e -> material.append(e.source()).append('\t').append(e.target()).append('\n'));
        return sha256Hex(material.toString()).substring(0, 16);
    }

    static String sha256Hex(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
