package news.wiretranslation.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.avro.RawArticle;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An article the asynchronous translate step has accepted and not yet emitted, as kept in its changelogged pending
 * store: everything needed to finish it after a restart without the input record (which is committed as consumed),
 * and to dead-letter it with the original bytes.
 *
 * @param sequence       the step's arrival number in its task: the store key, so the store iterates in arrival order
 * @param key            the article id, the output key
 * @param timestamp      the input record's timestamp, given to the output
 * @param headers        the input record's headers, given to the output
 * @param topic          where the input record was read: topic, partition, offset (for a dead letter)
 * @param rawKey         the input record's key bytes, or null
 * @param rawValue       the input record's value bytes, or null
 * @param article        the article as normalized and detected
 * @param acceptedMillis when the step accepted it (wall clock)
 */
public record PendingArticle(long sequence, String key, long timestamp, Headers headers, String topic, int partition,
                             long offset, byte[] rawKey, byte[] rawValue, DetectedArticle article, long acceptedMillis) {
    private static final byte FORMAT = 1;

    /** Urgency for the dispatcher: the article's IPTC urgency, 5 (normal) when it has none. */
    public int urgency() {
        Integer urgency = article.raw().getUrgency();
        return urgency == null ? 5 : urgency;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(sequence);
            writeString(out, key);
            out.writeLong(timestamp);
            Header[] all = headers == null ? new Header[0] : headers.toArray();
            out.writeInt(all.length);
            for (Header header : all) {
                writeString(out, header.key());
                writeBytes(out, header.value());
            }
            writeString(out, topic);
            out.writeInt(partition);
            out.writeLong(offset);
            writeBytes(out, rawKey);
            writeBytes(out, rawValue);
            ByteBuffer raw = RawArticle.getEncoder().encode(article.raw());
            byte[] rawArticle = new byte[raw.remaining()];
            raw.get(rawArticle);
            writeBytes(out, rawArticle);
            NormalizedArticle text = article.text();
            writeString(out, text.headline());
            writeStrings(out, text.paragraphs());
            writeStrings(out, text.rulesApplied());
            writeString(out, article.language());
            out.writeDouble(article.confidence());
            out.writeLong(acceptedMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static PendingArticle fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown pending-article format " + format);
            }
            long sequence = in.readLong();
            String key = readString(in);
            long timestamp = in.readLong();
            int headerCount = in.readInt();
            RecordHeaders headers = new RecordHeaders();
            for (int i = 0; i < headerCount; i++) {
                headers.add(readString(in), readBytes(in));
            }
            String topic = readString(in);
            int partition = in.readInt();
            long offset = in.readLong();
            byte[] rawKey = readBytes(in);
            byte[] rawValue = readBytes(in);
            RawArticle raw = RawArticle.getDecoder().decode(readBytes(in));
            String headline = readString(in);
            List<String> paragraphs = readStrings(in);
            List<String> rules = readStrings(in);
            String language = readString(in);
            double confidence = in.readDouble();
            long accepted = in.readLong();
            DetectedArticle article = new DetectedArticle(raw, new NormalizedArticle(headline, paragraphs, rules),
                    language, confidence);
            return new PendingArticle(sequence, key, timestamp, headers, topic, partition, offset, rawKey, rawValue,
                    article, accepted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(readString(in));
        }
        return values;
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("truncated pending article");
        }
        return bytes;
    }
}
