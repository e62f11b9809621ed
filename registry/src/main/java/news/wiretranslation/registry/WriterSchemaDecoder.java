package news.wiretranslation.registry;

import java.io.EOFException;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes Avro bodies written with one writer schema into the reader's generated class, resolving the two schemas
 * the Avro way (fields added with defaults, fields removed, and so on).
 *
 * <p>Before decoding, it walks the body against the writer schema without building anything. That walk rejects a
 * truncated or garbled body cheaply, and, unlike the real read, never allocates the huge string or array a garbage
 * length prefix can claim, so one bad record cannot exhaust the heap. It also finds bytes left over after the
 * record. When it fails, {@link DecodeStop} walks the body again to say in which field and at which byte decoding
 * stopped. One instance serves all threads: {@link SpecificDatumReader} keeps its per-thread state itself.
 */
final class WriterSchemaDecoder<T extends SpecificRecord> {

    private final int schemaId;
    private final Schema writerSchema;
    private final SpecificDatumReader<T> reader;
    private final String incompatibility;

    WriterSchemaDecoder(int schemaId, Schema writerSchema, Schema readerSchema, SpecificData model) {
        this.schemaId = schemaId;
        this.writerSchema = writerSchema;
        this.reader = new SpecificDatumReader<>(writerSchema, readerSchema, model);
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        this.incompatibility = compatibility.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE
                ? null
                : compatibility.getResult().getIncompatibilities().toString();
    }

    /**
     * Decodes {@code data[offset..]}.
     *
     * @param what names the record in messages
     * @throws WireFormatException {@link WireFormatException.Reason#MALFORMED_AVRO} for a body that does not decode,
     *                             has trailing bytes, or whose writer schema the reader cannot resolve
     */
    T decode(byte[] data, int offset, String what) {
        if (incompatibility != null) {
            throw malformed(what, "writer schema id " + schemaId + " (" + writerSchema.getFullName()
                    + ") cannot be read as the reader's schema: " + incompatibility, null);
        }
        int length = data.length - offset;
        checkStructure(data, offset, length, what);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, offset, length, null));
        } catch (IOException | RuntimeException e) {
            throw malformed(what, "the body does not decode with writer schema id " + schemaId + ": " + e, e);
        }
    }

    private void checkStructure(byte[] data, int offset, int length, String what) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset, length, null);
        try {
            GenericDatumReader.skip(writerSchema, decoder);
            if (!decoder.isEnd()) {
                throw malformed(what, "bytes are left over after the record written with schema id " + schemaId
                        + where(data, offset), null);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof WireFormatException wireFormatException) {
                throw wireFormatException;
            }
            String problem = e instanceof EOFException ? "the body ends before the record does (truncated?)" : e.toString();
            throw malformed(what, "the body does not match writer schema id " + schemaId + ": " + problem
                    + where(data, offset), e);
        }
    }

    /** Where decoding stopped, found by walking the body again field by field; only on the failure path. */
    private String where(byte[] data, int offset) {
        try {
            DecodeStop stop = DecodeStop.locate(writerSchema, data, offset);
            return stop == null ? "" : "; " + stop.describe();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static WireFormatException malformed(String what, String detail, Throwable cause) {
        return new WireFormatException(WireFormatException.Reason.MALFORMED_AVRO,
                "Cannot read " + what + ": " + detail, cause);
    }
}
