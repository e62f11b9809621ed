package news.wiretranslation.translate.memory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One paragraph's translation as the memory keeps it.
 *
 * @param translation            the engine's text
 * @param engineModel            the model the engine reported (DeepL's model_type_used), or null
 * @param engineDetectedLanguage the source language the engine reported, or null
 * @param storedAtMillis         when the engine translated it (epoch milliseconds): the age bound counts from here
 * @param untranslatedSpans      spans of the translation still in the source language, as the quality check found
 *                               them (offset in the translation and text); null when the text was not checked
 */
public record MemoryEntry(String translation, String engineModel, String engineDetectedLanguage, long storedAtMillis,
                          List<Span> untranslatedSpans) {
    private static final byte FORMAT = 1;

    public MemoryEntry {
        Objects.requireNonNull(translation, "translation");
        untranslatedSpans = untranslatedSpans == null ? null : List.copyOf(untranslatedSpans);
    }

    /** A span of a translated text: where it starts and what it says. */
    public record Span(int offset, String text) {
        public Span {
            Objects.requireNonNull(text, "text");
        }
    }

    public boolean checked() {
        return untranslatedSpans != null;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(translation.length() + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(storedAtMillis);
            writeString(out, translation);
            writeString(out, engineModel);
            writeString(out, engineDetectedLanguage);
            if (untranslatedSpans == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(untranslatedSpans.size());
                for (Span span : untranslatedSpans) {
                    out.writeInt(span.offset());
                    writeString(out, span.text());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static MemoryEntry fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown translation-memory entry format " + format);
            }
            long storedAt = in.readLong();
            String translation = readString(in);
            String model = readString(in);
            String detected = readString(in);
            int spans = in.readInt();
            List<Span> list = null;
            if (spans >= 0) {
                list = new ArrayList<>(spans);
                for (int i = 0; i < spans; i++) {
                    list.add(new Span(in.readInt(), readString(in)));
                }
            }
            return new MemoryEntry(translation, model, detected, storedAt, list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length != length) {
            throw new IOException("truncated entry");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
