package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.registry.WireFormatException.Reason;
import org.junit.jupiter.api.Test;

/** A body that does not decode is reported with the field being read and the byte where decoding stopped. */
class DecodeStopTest {
    private static final String TOPIC = "articles.raw";

    private final MockSchemaRegistry registry = new MockSchemaRegistry();
    private final AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, registry, true, false);
    private final AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class, registry);
    private final byte[] good = serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1"));

    private WireFormatException failureReading(byte[] bytes) {
        return catchThrowableOfType(WireFormatException.class, () -> deserializer.deserialize(TOPIC, bytes));
    }

    @Test
    void aRecordCutInsideTheBodyNamesTheBodyFieldAndTheByteOffset() {
        int bodyText = indexOf(good, "<p>Premier");
        int bodyStart = bodyText - 1; // its one-byte length prefix
        byte[] truncated = Arrays.copyOf(good, bodyText + 5);

        WireFormatException failure = failureReading(truncated);

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_AVRO);
        assertThat(failure.getMessage())
                .contains("truncated")
                .contains("decoding stopped in field 'body' (its value starts at byte " + bodyStart + ") at byte "
                        + (bodyStart + 1) + " of " + truncated.length)
                .contains("is more than the 5 bytes left");
    }

    @Test
    void aRecordCutBetweenFieldsNamesTheFieldThatIsMissing() {
        int bodyText = indexOf(good, "<p>Premier");
        int bodyEnd = bodyText + "<p>Premier paragraphe.</p><p>Deuxième paragraphe.</p>".getBytes(StandardCharsets.UTF_8).length;
        byte[] truncated = Arrays.copyOf(good, bodyEnd);

        DecodeStop stop = DecodeStop.locate(writerSchema(), truncated, ConfluentWireFormat.HEADER_SIZE);

        assertThat(stop.field()).isEqualTo("bodyFormat");
        assertThat(stop.stopByte()).isEqualTo(bodyEnd);
        assertThat(stop.problem()).contains("truncated");
    }

    @Test
    void bytesLeftOverAreReportedWhereTheRecordEnds() {
        byte[] padded = Arrays.copyOf(good, good.length + 3);

        WireFormatException failure = failureReading(padded);

        assertThat(failure.getMessage()).contains("left over")
                .contains("field '(after the record)'").contains("at byte " + good.length + " of " + padded.length)
                .contains("3 bytes are left over");
    }

    @Test
    void aUnionBranchThatDoesNotExistIsNamed() {
        byte[] garbled = good.clone();
        int urlBranch = indexOf(good, "https://example.org/") - 2; // branch index, then the string's length prefix
        garbled[urlBranch] = 0x0A; // zigzag 5

        DecodeStop stop = DecodeStop.locate(writerSchema(), garbled, ConfluentWireFormat.HEADER_SIZE);

        assertThat(stop.field()).isEqualTo("url");
        assertThat(stop.fieldByte()).isEqualTo(urlBranch);
        assertThat(stop.problem()).isEqualTo("union branch 5 does not exist (the union has 2)");
    }

    @Test
    void aGoodRecordHasNoStop() {
        assertThat(DecodeStop.locate(writerSchema(), good, ConfluentWireFormat.HEADER_SIZE)).isNull();
    }

    private org.apache.avro.Schema writerSchema() {
        return registry.schemaById(ConfluentWireFormat.schemaId(good, "the test record"));
    }

    private static int indexOf(byte[] data, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError(text + " not in the record");
    }
}
