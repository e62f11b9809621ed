package news.wiretranslation.deadletter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The original bytes a dead letter can carry. Whole when they fit the dead-letter topic with room to spare; otherwise
 * only their first {@link #PREFIX_BYTES}, and the dead letter's message gives the full size and the SHA-256 of the
 * whole, so that the original can still be found and matched in the input topic.
 *
 * @param bytes what the dead letter carries (null when there were none)
 * @param note  empty when whole; otherwise the sentence the dead letter's message ends with
 */
public record BoundedOriginal(byte[] bytes, String note) {
    /** What a truncated original keeps: enough to recognise the article (its id and headline come first in Avro). */
    public static final int PREFIX_BYTES = 64 * 1024;

    /** {@code original} whole when at most {@code budget} bytes, else its prefix and a note of its size and checksum. */
    public static BoundedOriginal of(String what, byte[] original, int budget) {
        if (original == null || original.length <= budget) {
            return new BoundedOriginal(original, "");
        }
        int kept = Math.min(PREFIX_BYTES, budget);
        return new BoundedOriginal(Arrays.copyOf(original, kept), " The original " + what + " (" + original.length
                + " bytes, SHA-256 " + sha256(original) + ") is too large for the dead-letter topic: only its first "
                + kept + " bytes are kept.");
    }

    public boolean truncated() {
        return !note.isEmpty();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
