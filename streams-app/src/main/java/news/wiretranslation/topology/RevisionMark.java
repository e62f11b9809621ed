package news.wiretranslation.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import news.wiretranslation.avro.RawArticle;

/**
 * A story's revision and a fingerprint of its content: what the {@link RevisionGate} remembers of the last revision
 * it accepted, and what it compares each new one with. The replay's planner judges records by the same rule.
 *
 * <p>The fingerprint is a SHA-256 of what the producer sent that readers read: source, URL, byline, headline, body
 * and its format, declared language. Not of the normalized text or the detected language: those are the service's
 * doing and change with its version (a normalization fix, a detector setting), and a retransmission after such a
 * change must still be a repeat, not a conflict. The same id and revision in French and then German differ in
 * headline and body, so they conflict. Left out: delivery details (receivedAt, publishedAt, urgency, attributes).
 */
public record RevisionMark(int revision, byte[] fingerprint) {
    private static final int FORMAT = 1;
    private static final int FINGERPRINT_BYTES = 32;

    /** How a revision compares with the story's last accepted one. */
    public enum Verdict {
        /** The story's first revision seen, or a later one: it goes on. */
        NEW,
        /** The same revision with the same content: already on its way, not published again. */
        REPEAT,
        /** An older revision than the one accepted: publishing it would turn the story back. */
        SUPERSEDED,
        /** The revision accepted, with other content. */
        CONFLICT
    }

    public RevisionMark {
        if (fingerprint.length != FINGERPRINT_BYTES) {
            throw new IllegalArgumentException("a fingerprint is " + FINGERPRINT_BYTES + " bytes, not " + fingerprint.length);
        }
        fingerprint = fingerprint.clone();
    }

    public static RevisionMark of(RawArticle raw) {
        MessageDigest sha = sha256();
        for (Object field : new Object[] {raw.getSource(), raw.getUrl(), raw.getByline(), raw.getHeadline(), raw.getBody(),
                raw.getBodyFormat(), raw.getDeclaredLanguage()}) {
            // Length-prefixed, and null told apart from empty, so that no two field lists hash alike.
            if (field == null) {
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            } else {
                byte[] bytes = field.toString().getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
        }
        return new RevisionMark(raw.getRevision(), sha.digest());
    }

    /** How this revision compares with {@code accepted}, the story's last accepted one (null when none). */
    public Verdict after(RevisionMark accepted) {
        if (accepted == null || revision > accepted.revision) {
            return Verdict.NEW;
        }
        if (revision < accepted.revision) {
            return Verdict.SUPERSEDED;
        }
        return Arrays.equals(fingerprint, accepted.fingerprint) ? Verdict.REPEAT : Verdict.CONFLICT;
    }

    /** The first 12 hex digits of the fingerprint, for messages. */
    public String shortFingerprint() {
        return HexFormat.of().formatHex(fingerprint, 0, 6);
    }

    /** The store's value: a format byte, the revision, the fingerprint. */
    byte[] encode() {
        return ByteBuffer.allocate(1 + Integer.BYTES + FINGERPRINT_BYTES).put((byte) FORMAT).putInt(revision)
                .put(fingerprint).array();
    }

    static RevisionMark decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int format = in.get();
        if (format != FORMAT) {
            throw new IllegalStateException("revision mark of unknown format " + format);
        }
        int revision = in.getInt();
        byte[] fingerprint = new byte[FINGERPRINT_BYTES];
        in.get(fingerprint);
        return new RevisionMark(revision, fingerprint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RevisionMark mark && revision == mark.revision && Arrays.equals(fingerprint, mark.fingerprint);
    }

    @Override
    public int hashCode() {
        return 31 * revision + Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "revision " + revision + " (content " + shortFingerprint() + ")";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
