package news.wiretranslation.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Article ids made from what an input carries. An id is the record key and must stay the same for every revision
 * of a story, so it is derived only from things that do not change between revisions (a ninjs uri, a file name),
 * and kept to lower-case ASCII letters, digits and hyphens so that it is safe in topic keys, URLs and file names.
 */
final class Slugs {
    private static final int MAX_LENGTH = 100;

    private Slugs() {
    }

    /** {@code "urn:newsml:dpa.com:2019:190510-99"} → {@code "newsml-dpa-com-2019-190510-99"}: the scheme goes. */
    static String fromUri(String uri) {
        String withoutScheme = uri.trim().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*:(//)?", "");
        return slug(withoutScheme.isEmpty() ? uri : withoutScheme);
    }

    /** Lower-case ASCII words joined by hyphens; accents are dropped; a too-long slug ends in a hash of the text. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            return "item-" + hash(text);
        }
        if (slug.length() > MAX_LENGTH) {
            return slug.substring(0, MAX_LENGTH - 13).replaceAll("-+$", "") + "-" + hash(text);
        }
        return slug;
    }

    /** An id for an input without a name (standard input): the same content always gets the same id. */
    static String fromContent(String prefix, String content) {
        return prefix + "-" + hash(content);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
