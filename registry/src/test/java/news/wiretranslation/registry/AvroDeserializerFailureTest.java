package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.registry.WireFormatException.Reason;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroDeserializerFailureTest {

    private static final String TOPIC = "articles.raw";

    private final MockSchemaRegistry registry = new MockSchemaRegistry();
    private final AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, registry, true, false);
    private final AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class, registry);

    private byte[] goodRecord() {
        return serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1"));
    }

    private WireFormatException failureReading(byte[] bytes) {
        return catchThrowableOfType(WireFormatException.class, () -> deserializer.deserialize(TOPIC, bytes));
    }

    @Test
    void fewerThanFiveGarbageBytesAreNotAvro() {
        WireFormatException failure = failureReading(new byte[] {0, 1, 7});

        assertThat(failure).isInstanceOf(SerializationException.class);
        assertThat(failure.reason()).isEqualTo(Reason.NOT_AVRO);
        assertThat(failure.getMessage()).contains("3 bytes", "articles.raw");
        assertThat(failureReading(new byte[0]).reason()).isEqualTo(Reason.NOT_AVRO);
    }

    @Test
    void textPayloadIsRejectedByItsMagicByteWhichTheMessageGives() {
        byte[] json = "{\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);

        WireFormatException failure = failureReading(json);

        assertThat(failure.reason()).isEqualTo(Reason.BAD_MAGIC_BYTE);
        assertThat(failure.getMessage()).contains("first byte is 123", "0x7B");
    }

    @Test
    void wrongMagicByteOnAnOtherwiseGoodRecordIsBadMagicByte() {
        byte[] bytes = goodRecord();
        bytes[0] = 1;

        WireFormatException failure = failureReading(bytes);

        assertThat(failure.reason()).isEqualTo(Reason.BAD_MAGIC_BYTE);
        assertThat(failure.getMessage()).contains("first byte is 1 ");
    }

    @Test
    void schemaIdTheRegistryDoesNotKnowIsUnknownSchemaIdNamingTheId() {
        byte[] bytes = goodRecord();
        ByteBuffer.wrap(bytes).putInt(1, 4242);

        WireFormatException failure = failureReading(bytes);

        assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
        assertThat(failure.getMessage()).contains("schema id 4242");
    }

    @Test
    void truncatedBodyIsMalformedAvro() {
        byte[] bytes = goodRecord();

        for (int length : new int[] {5, 6, bytes.length / 2, bytes.length - 1}) {
            WireFormatException failure = failureReading(Arrays.copyOf(bytes, length));
            assertThat(failure.reason()).as("cut to %d bytes", length).isEqualTo(Reason.MALFORMED_AVRO);
        }
    }

    @Test
    void trailingBytesAfterTheRecordAreMalformedAvro() {
        byte[] bytes = goodRecord();
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

        WireFormatException failure = failureReading(longer);

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_AVRO);
        assertThat(failure.getMessage()).contains("left over");
    }

    @Test
    void truncationIsNamedInTheMessage() {
        byte[] bytes = goodRecord();

        assertThat(failureReading(Arrays.copyOf(bytes, 20)).getMessage()).contains("truncated");
    }

    @Test
    void bodyClaimingAHugeStringFailsWithoutAllocatingIt() throws IOException {
        // The first field of RawArticle is a string: a length prefix of almost 2 GiB, then 30 bytes. Decoding it
        // naively would allocate the whole string and exhaust the heap.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
        encoder.writeLong(Integer.MAX_VALUE - 16);
        encoder.flush();
        body.write(new byte[30]);

        WireFormatException failure = failureReading(framed(goodRecord(), body.toByteArray()));

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_AVRO);
    }

    @Test
    void bodyClaimingAHugeArrayFailsWithoutAllocatingIt() throws IOException {
        MockSchemaRegistry articles = new MockSchemaRegistry();
        AvroDeserializer<Article> reader = new AvroDeserializer<>(Article.class, articles);
        byte[] header = new AvroSerializer<>(Article.class, articles, true, false)
                .serialize("articles.normalized.en", SampleRecords.translatedArticle());
        // Article: uri, id (strings), version (int), language, headline (strings), then the body array, which
        // claims 2^30 items in a 40-byte record.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
        encoder.writeString("u");
        encoder.writeString("i");
        encoder.writeInt(1);
        encoder.writeString("en");
        encoder.writeString("h");
        encoder.writeLong(1L << 30);
        encoder.flush();
        body.write(new byte[30]);

        WireFormatException failure = catchThrowableOfType(WireFormatException.class,
                () -> reader.deserialize("articles.normalized.en", framed(header, body.toByteArray())));

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_AVRO);
    }

    /** The 5-byte header of {@code record} followed by {@code body}. */
    private static byte[] framed(byte[] record, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put(record, 0, 5).put(body).array();
    }

    @Test
    void writerSchemaTheReaderCannotResolveIsMalformedAvro() {
        // A RawArticle without 'headline', which the reader requires and has no default for.
        Schema withoutHeadline = SchemaBuilder.record("RawArticle").namespace("news.wiretranslation.avro").fields()
                .requiredString("id").requiredString("source").requiredString("body")
                .name("publishedAt").type().longType().noDefault()
                .name("receivedAt").type().longType().noDefault()
                .endRecord();
        int id = registry.register(TOPIC + "-value", withoutHeadline);
        byte[] bytes = ByteBuffer.allocate(5 + 40).put((byte) 0).putInt(id).array();

        WireFormatException failure = failureReading(bytes);

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_AVRO);
        assertThat(failure.getMessage()).contains("schema id " + id, "headline");
    }

    @Test
    void idOfANonAvroSchemaIsNotAvro() {
        SchemaRegistryClient protobufOnly = new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int lookup(String subject, Schema schema) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Schema schemaById(int id) {
                throw new NonAvroSchemaException("schema id " + id + " is PROTOBUF", 200, null);
            }

            @Override
            public Optional<RegisteredSchema> latest(String subject) {
                return Optional.empty();
            }
        };
        AvroDeserializer<RawArticle> reader = new AvroDeserializer<>(RawArticle.class, protobufOnly);

        WireFormatException failure = catchThrowableOfType(WireFormatException.class,
                () -> reader.deserialize(TOPIC, goodRecord()));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_AVRO);
    }

    @Test
    void randomBodiesBehindAValidHeaderFailOnlyWithWireFormatExceptions() {
        byte[] header = Arrays.copyOf(goodRecord(), 5);
        Random random = new Random(20260301L);
        int decoded = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            byte[] bytes = ByteBuffer.allocate(5 + body.length).put(header).put(body).array();
            try {
                deserializer.deserialize(TOPIC, bytes);
                decoded++;
            } catch (WireFormatException e) {
                assertThat(e.reason()).isEqualTo(Reason.MALFORMED_AVRO);
            }
        }
        // Random bytes almost never form a valid RawArticle with nothing left over.
        assertThat(decoded).isLessThan(20);
    }

    @Test
    void unreachableRegistryIsARetriableRegistryErrorNotAWireFormatError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AvroDeserializer<RawArticle> reader = new AvroDeserializer<>(RawArticle.class);
        reader.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + closedPort,
                "http.connect.timeout.ms", "2000", "http.read.timeout.ms", "2000", "retries.wait.ms", "10"), false);
        byte[] bytes = goodRecord();

        assertThatThrownBy(() -> reader.deserialize(TOPIC, bytes))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> {
                    SchemaRegistryException failure = (SchemaRegistryException) e;
                    assertThat(failure.isRetriable()).isTrue();
                    assertThat(failure.httpStatus()).isEqualTo(-1);
                });
    }
}
