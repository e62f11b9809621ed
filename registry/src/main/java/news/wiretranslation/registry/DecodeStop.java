package news.wiretranslation.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Where decoding a body that does not match its writer schema stopped: the field being read and the byte offset,
 * so that a dead letter says more than "EOFException" and the producer's team can find the bug (a field written
 * with another schema, a record cut short in transit).
 *
 * <p>Found only after the fast check has failed, by walking the body again against the writer schema one value at a
 * time with a decoder that reads straight from the bytes (no read-ahead buffer), so the position read is exact.
 * Like the fast check, the walk skips values rather than building them, and it checks each length prefix against
 * the bytes left before skipping, so a garbage length is named rather than run into.
 *
 * @param field     the path of the field being read, e.g. {@code body}, {@code attributes[entry 2]},
 *                  {@code items[3].name}; {@code (after the record)} when the record decoded whole
 * @param fieldByte where that field's value starts, as an offset in the whole record value (header included)
 * @param stopByte  where decoding stopped, same reckoning
 * @param length    the record value's length
 * @param problem   what went wrong there
 */
record DecodeStop(String field, long fieldByte, long stopByte, long length, String problem) {

    /** {@code "in field 'body' (from byte 41): ... stopped at byte 60 of 60"} */
    String describe() {
        return "decoding stopped in field '" + field + "' (its value starts at byte " + fieldByte + ") at byte "
                + stopByte + " of " + length + ": " + problem;
    }

    /**
     * Walks {@code data[offset..]} against {@code writerSchema}.
     *
     * @return where and why the walk stopped, or null when the body decodes whole with nothing left over
     */
    static DecodeStop locate(Schema writerSchema, byte[] data, int offset) {
        Walk walk = new Walk(data, offset);
        try {
            walk.value(writerSchema, "");
        } catch (IOException | RuntimeException e) {
            return walk.stop(e instanceof java.io.EOFException ? "the bytes end here (truncated?)" : messageOf(e));
        }
        if (walk.input.position() < data.length) {
            walk.at("(after the record)");
            return walk.stop((data.length - walk.input.position()) + " bytes are left over");
        }
        return null;
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A ByteArrayInputStream that tells its position. */
    private static final class PositionedInput extends ByteArrayInputStream {
        PositionedInput(byte[] data, int offset) {
            super(data, offset, data.length - offset);
        }

        int position() {
            return pos;
        }

        int left() {
            return count - pos;
        }
    }

    private static final class Walk {
        private final PositionedInput input;
        private final BinaryDecoder decoder;
        private final int length;
        private String field = "";
        private int fieldStart;

        Walk(byte[] data, int offset) {
            this.input = new PositionedInput(data, offset);
            this.decoder = DecoderFactory.get().directBinaryDecoder(input, null);
            this.length = data.length;
            this.fieldStart = offset;
        }

        void at(String path) {
            field = path.isEmpty() ? "(the record)" : path;
            fieldStart = input.position();
        }

        DecodeStop stop(String problem) {
            return new DecodeStop(field, fieldStart, input.position(), length, problem);
        }

        void value(Schema schema, String path) throws IOException {
            switch (schema.getType()) {
                case RECORD -> {
                    for (Schema.Field f : schema.getFields()) {
                        value(f.schema(), path.isEmpty() ? f.name() : path + "." + f.name());
                    }
                }
                case UNION -> {
                    at(path);
                    int branch = decoder.readIndex();
                    if (branch < 0 || branch >= schema.getTypes().size()) {
                        throw new IllegalStateException("union branch " + branch + " does not exist (the union has "
                                + schema.getTypes().size() + ")");
                    }
                    value(schema.getTypes().get(branch), path);
                }
                case ARRAY -> {
                    at(path);
                    long index = 0;
                    for (long n = decoder.readArrayStart(); n != 0; n = decoder.arrayNext()) {
                        checkCount(n);
                        for (long i = 0; i < n; i++) {
                            value(schema.getElementType(), path + "[" + index++ + "]");
                        }
                        at(path);
                    }
                }
                case MAP -> {
                    at(path);
                    long index = 0;
                    for (long n = decoder.readMapStart(); n != 0; n = decoder.mapNext()) {
                        checkCount(n);
                        for (long i = 0; i < n; i++) {
                            String entry = path + "[entry " + index++ + "]";
                            at(entry + " key");
                            skipSized();
                            value(schema.getValueType(), entry);
                        }
                        at(path);
                    }
                }
                case ENUM -> {
                    at(path);
                    int symbol = decoder.readEnum();
                    if (symbol < 0 || symbol >= schema.getEnumSymbols().size()) {
                        throw new IllegalStateException("enum symbol " + symbol + " does not exist (the enum has "
                                + schema.getEnumSymbols().size() + ")");
                    }
                }
                case STRING, BYTES -> {
                    at(path);
                    skipSized();
                }
                case FIXED -> {
                    at(path);
                    decoder.skipFixed(schema.getFixedSize());
                }
                case INT -> {
                    at(path);
                    decoder.readInt();
                }
                case LONG -> {
                    at(path);
                    decoder.readLong();
                }
                case FLOAT -> {
                    at(path);
                    decoder.readFloat();
                }
                case DOUBLE -> {
                    at(path);
                    decoder.readDouble();
                }
                case BOOLEAN -> {
                    at(path);
                    decoder.readBoolean();
                }
                case NULL -> decoder.readNull();
            }
        }

        /** A block of more items than bytes left is garbage (an item takes a byte at least), however long it would take. */
        private void checkCount(long count) {
            if (count > input.left()) {
                throw new IllegalStateException("block count " + count + " is more than the " + input.left() + " bytes left");
            }
        }

        /** A string's or bytes' length prefix, checked against what is left, then the bytes. */
        private void skipSized() throws IOException {
            long size = decoder.readLong();
            if (size < 0 || size > input.left()) {
                throw new IllegalStateException("length prefix " + size + (size < 0 ? " is negative"
                        : " is more than the " + input.left() + " bytes left"));
            }
            decoder.skipFixed((int) size);
        }
    }
}
