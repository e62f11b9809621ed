package news.wiretranslation.registry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The Confluent framing around an Avro body: magic byte {@code 0}, then the writer schema's id as a 4-byte
 * big-endian int, then the body. Only the framing; the body is the serdes' business.
 */
final class ConfluentWireFormat {

    static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id: where the Avro body starts. */
    static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {
    }

    /** Writes the magic byte and the schema id. */
    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
    }

    /**
     * Checks the framing of {@code data} and returns the schema id it carries.
     *
     * @param what names the record in messages, e.g. {@code value of topic 'articles.raw'}
     * @throws WireFormatException {@link WireFormatException.Reason#NOT_AVRO} when there are fewer than 5 bytes,
     *                             {@link WireFormatException.Reason#BAD_MAGIC_BYTE} when the first byte is not 0
     */
    static int schemaId(byte[] data, String what) {
        if (data.length < HEADER_SIZE) {
            throw new WireFormatException(WireFormatException.Reason.NOT_AVRO, "Cannot read " + what + ": "
                    + data.length + " bytes is too short for the Confluent wire format (magic byte 0, 4-byte schema id,"
                    + " Avro body)");
        }
        if (data[0] != MAGIC_BYTE) {
            int value = data[0] & 0xFF;
            throw new WireFormatException(WireFormatException.Reason.BAD_MAGIC_BYTE, "Cannot read " + what
                    + ": first byte is " + value + String.format(" (0x%02X)", value)
                    + ", not the Confluent wire format's magic byte 0");
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
